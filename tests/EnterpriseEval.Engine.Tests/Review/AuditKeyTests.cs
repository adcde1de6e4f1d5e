using EnterpriseEval.Workflow.Review;
using EnterpriseEval.Workflow.Review.Store;
using Microsoft.Extensions.Options;
using EnterpriseEval.Engine.Notices;

namespace EnterpriseEval.Engine.Tests.Review;

/// <summary>The audit key and its lookup (docs/security.md § The audit key).</summary>
public sealed class AuditKeyTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"eeval-key-{Guid.NewGuid():N}");

    [Fact]
    public void A_key_shorter_than_16_bytes_is_refused_in_Chinese()
    {
        var refused = Assert.Throws<UserFacingException>(() => AuditKey.Parse("short", "配置项 X"));

        Assert.Equal("审计密钥过短（配置项 X）：至少需要 16 字节", refused.Message);
    }

    [Fact]
    public void The_same_key_given_as_base64_text_signs_alike_and_has_the_same_fingerprint_wherever_it_comes_from()
    {
        var text = AuditKey.NewText();
        var fromFile = AuditKey.Parse(text + "\n", "file");
        var fromEnvironment = AuditKey.Parse(text, "env");

        Assert.Equal(fromFile.Id, fromEnvironment.Id);
        Assert.Equal(fromFile.Sign(7, "abc"), fromEnvironment.Sign(7, "abc"));
        Assert.NotEqual(fromFile.Sign(7, "abc"), fromFile.Sign(6, "abc"));
        Assert.NotEqual(fromFile.Id, AuditKey.Parse("a passphrase of more than sixteen bytes", "env").Id);
    }

    [Fact]
    public void The_configured_key_takes_precedence_over_the_key_file()
    {
        var keys = Keys(new ReviewOptions { AuditKey = "a passphrase of more than sixteen bytes", AuditKeyFile = Path.Combine(_folder, "none.key") });

        Assert.Equal(AuditKey.Parse("a passphrase of more than sixteen bytes", "x").Id, keys.Get().Id);
    }

    [Fact]
    public void A_missing_key_file_is_created_once_by_GetOrCreate_and_otherwise_named_in_the_refusal()
    {
        var file = Path.Combine(_folder, "eeval", "audit.key");
        var keys = Keys(new ReviewOptions { AuditKeyFile = file });

        var missing = Assert.Throws<UserFacingException>(keys.Get);
        var (created, path) = keys.GetOrCreate();
        var (again, none) = keys.GetOrCreate();

        Assert.Contains($"找不到审计密钥文件 {file}", missing.Message);
        Assert.Equal(file, path);
        Assert.Null(none);
        Assert.Equal(created.Id, again.Id);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(file)!));
    }

    [Fact]
    public void An_anchor_longer_than_the_chain_or_with_another_hash_is_named()
    {
        AuditEntry[] chain = [new(1, 1, "new", "u", "t", "{}", "", new string('a', 64)), new(2, 1, "screen", "u", "t", "{}", new string('a', 64), new string('b', 64))];

        Assert.Null(AuditAnchor.Check(chain, $"2:{new string('b', 12)}"));
        Assert.Contains("审计链只有 2 条记录，短于锚点所记的第 3 条", AuditAnchor.Check(chain, $"3:{new string('c', 64)}"));
        Assert.Contains("审计记录 #2 的哈希", AuditAnchor.Check(chain, $"2:{new string('c', 64)}"));
        Assert.Throws<UserFacingException>(() => AuditAnchor.Check(chain, "2:bbb"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static AuditKeys Keys(ReviewOptions options) => new(Options.Create(options));
}
