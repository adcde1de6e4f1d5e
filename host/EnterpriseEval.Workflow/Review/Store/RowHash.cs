using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace EnterpriseEval.Workflow.Review.Store;

/// <summary>
/// The content hash of a stored row: SHA-256 over its columns (name and value, in table order) as canonical JSON.
/// Written and verified by the same code, so a row only matches its hash as long as nobody edited it.
/// </summary>
internal static class RowHash
{
    /// <summary>The only value kinds the store writes: text, whole numbers, null.</summary>
    public static object? Canonical(object? value) => value switch
    {
        null or DBNull => null,
        string s => s,
        bool b => b ? 1L : 0L,
        int i => (long)i,
        long l => l,
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        decimal m => m.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"Unsupported column value {value.GetType().Name}.", nameof(value)),
    };

    public static string Of(IReadOnlyList<string> columns, IReadOnlyList<object?> values)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            for (var i = 0; i < columns.Count; i++)
            {
                switch (Canonical(values[i]))
                {
                    case null:
                        json.WriteNull(columns[i]);
                        break;
                    case long l:
                        json.WriteNumber(columns[i], l);
                        break;
                    case string s:
                        json.WriteString(columns[i], s);
                        break;
                }
            }

            json.WriteEndObject();
        }

        return Hex(SHA256.HashData(buffer.ToArray()));
    }

    public static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    public static string Sha256(string text) => Hex(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
