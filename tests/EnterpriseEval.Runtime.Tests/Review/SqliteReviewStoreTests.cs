using EnterpriseEval.Runtime.Review;
using EnterpriseEval.Runtime.Review.Store;

namespace EnterpriseEval.Runtime.Tests.Review;

public sealed class SqliteReviewStoreTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"eeval-store-{Guid.NewGuid():N}.db");

    [Fact]
    public void A_new_store_is_created_at_the_latest_schema_version()
    {
        using var store = Open();

        Assert.True(File.Exists(_path));
        Assert.Equal(SqliteMigrations.Latest, store.SchemaVersion);
    }

    [Fact]
    public void A_chunk_that_fails_half_way_leaves_neither_decisions_nor_progress_nor_audit_entry()
    {
        using var store = Open();
        var batch = store.CreateBatch(Definition(), new AuditDraft("new", "测试", "建立"));

        Assert.Throws<IOException>(() => store.SaveScreenChunk(batch.Id, 0, 2, 4, Crashing(), new AuditDraft("screen-chunk", "测试", "进度")));

        Assert.Empty(store.Decisions(batch.Id));
        Assert.Equal(0, store.ScreenProgress(batch.Id).Done);
        Assert.Single(store.Audit(batch.Id));
        Assert.Empty(store.Verify());
    }

    [Fact]
    public void A_committed_chunk_moves_the_marker_and_verifies()
    {
        using var store = Open();
        var batch = store.CreateBatch(Definition(), new AuditDraft("new", "测试", "建立"));

        store.SaveScreenChunk(batch.Id, 0, 2, 4, [Decision(0), Decision(1)], new AuditDraft("screen-chunk", "测试", "进度"));

        Assert.Equal(new ScreenProgress(2, 4), store.ScreenProgress(batch.Id));
        Assert.Equal(2, store.Decisions(batch.Id).Count);
        Assert.Empty(store.Verify());
    }

    public void Dispose() => File.Delete(_path);

    private static readonly AuditKey Key = AuditKey.Parse(AuditKey.NewText(), "test");

    private SqliteReviewStore Open(int busySeconds = 300) => new(_path, TimeProvider.System, () => Key, busySeconds);

    private static IEnumerable<StoredDecision> Crashing()
    {
        yield return Decision(0);
        throw new IOException("模拟进程崩溃");
    }

    private static StoredDecision Decision(int index) =>
        new(index, $"E{index}", "张三", "skill_to_title", "assistant", "engineering", "", "eligible", "", false, "", "", "理由", "[]");

    private static BatchDefinition Definition() =>
        new("测试批次", 2026, "engineering", "assistant", new DateOnly(2026, 12, 31), "授权", "", "", "rules/1", "{}");
}
