using System.Security.Cryptography;
using System.Text;
using EnterpriseEval.Engine;

namespace EnterpriseEval.Workflow.Review.Store;

/// <summary>
/// The secret that signs the head of the audit chain (HMAC-SHA256 over the entry count and the last entry's hash).
/// It is kept outside the store (docs/security.md), so whoever can edit the store file cannot re-sign a truncated
/// or recomputed chain.
/// </summary>
internal sealed class AuditKey
{
    /// <summary>The shortest key accepted, in bytes.</summary>
    public const int MinimumLength = 16;

    private readonly byte[] _secret;

    private AuditKey(byte[] secret, string source)
    {
        _secret = secret;
        Source = source;
        Id = RowHash.Hex(HMACSHA256.HashData(secret, "eeval-audit-key-id"u8))[..16];
    }

    /// <summary>Where the key came from (a file path or a configuration key), for messages.</summary>
    public string Source { get; }

    /// <summary>A public fingerprint of the key (16 hex digits), recorded with the signature to tell keys apart.</summary>
    public string Id { get; }

    /// <summary>A fresh random key, as the text a key file holds (base64 of 32 bytes).</summary>
    public static string NewText() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// A key from its text: base64 of at least <see cref="MinimumLength"/> bytes, or any other text of at least that
    /// many bytes in UTF-8 (a passphrase).
    /// </summary>
    public static AuditKey Parse(string text, string source)
    {
        var trimmed = text.Trim();
        byte[] secret;
        try
        {
            secret = Convert.FromBase64String(trimmed);
        }
        catch (FormatException)
        {
            secret = Encoding.UTF8.GetBytes(trimmed);
        }

        if (secret.Length < MinimumLength)
        {
            throw new UserFacingException($"审计密钥过短（{source}）：至少需要 {MinimumLength} 字节");
        }

        return new AuditKey(secret, source);
    }

    /// <summary>The signature of a chain head: HMAC-SHA256 of its entry count and the hash of its last entry.</summary>
    public string Sign(long count, string hash) =>
        RowHash.Hex(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes($"eeval-audit-head\n{count}\n{hash}")));

    /// <summary>Whether <paramref name="signature"/> is this key's signature of the head (constant-time comparison).</summary>
    public bool Verifies(long count, string hash, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(count, hash)), Encoding.ASCII.GetBytes(signature));
}
