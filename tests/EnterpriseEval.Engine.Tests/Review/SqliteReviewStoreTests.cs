using EnterpriseEval.Workflow.Review;
using EnterpriseEval.Workflow.Review.Store;

namespace EnterpriseEval.Engine.Tests.Review;

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

    [Fact]
    public async Task A_second_command_waits_for_the_write_lock_and_then_sees_what_the_first_wrote()
    {
        using var first = Open();
        var batch = first.CreateBatch(Definition(), new AuditDraft("new", "测试", "建立"));
        var held = first.Lock();
        first.SaveScores(batch.Id, [Score("E1")], new AuditDraft("score", "甲", "评分"));

        var second = Task.Run(() =>
        {
            using var store = Open();
            using var lease = store.Lock();
            return store.Scores(batch.Id).Count;
        });
        await Task.Delay(1000);
        Assert.False(second.IsCompleted);
        held.Commit();
        held.Dispose();

        Assert.Equal(1, await second);
    }

    [Fact]
    public void A_command_kept_waiting_longer_than_the_busy_timeout_is_refused_in_Chinese_and_writes_nothing()
    {
        using var first = Open();
        var batch = first.CreateBatch(Definition(), new AuditDraft("new", "测试", "建立"));
        using var held = first.Lock();
        using var second = Open(busySeconds: 1);

        var refused = Assert.Throws<UserFacingException>(() => second.SaveScores(batch.Id, [Score("E1")], new AuditDraft("score", "乙", "评分")));

        Assert.Contains("评审数据库正被另一个 eeval review 命令使用，等待 1 秒后仍未释放，本命令未做任何改动", refused.Message);
        held.Dispose();
        Assert.Empty(second.Scores(batch.Id));
    }

    [Fact]
    public void The_store_itself_refuses_a_second_copy_of_a_step_that_slipped_past_the_checks()
    {
        using var store = Open();
        var batch = store.CreateBatch(Definition(), new AuditDraft("new", "测试", "建立"));
        store.SaveScores(batch.Id, [Score("E1")], new AuditDraft("score", "甲", "评分"));

        var refused = Assert.Throws<UserFacingException>(() => store.SaveScores(batch.Id, [Score("E1")], new AuditDraft("score", "乙", "评分")));

        Assert.Contains("评审数据库拒绝重复记录", refused.Message);
        Assert.Single(store.Scores(batch.Id));
        Assert.Empty(store.Verify());
    }

    [Fact]
    public void Every_step_moves_the_signed_head_to_the_last_entry()
    {
        using var store = Open();
        var batch = store.CreateBatch(Definition(), new AuditDraft("new", "测试", "建立"));
        store.SaveScreenChunk(batch.Id, 0, 1, 1, [Decision(0)], new AuditDraft("screen", "测试", "完成"));

        var head = store.Head()!;

        Assert.Equal(2, head.Count);
        Assert.Equal(store.Audit(null)[^1].Hash, head.Hash);
        Assert.Equal(Key.Id, head.KeyId);
        Assert.True(Key.Verifies(head.Count, head.Hash, head.Signature));
        Assert.False(AuditKey.Parse(AuditKey.NewText(), "another").Verifies(head.Count, head.Hash, head.Signature));
    }

    public void Dispose() => File.Delete(_path);

    private static StoredScore Score(string id) => new(id, "张三", "plugin", 70, 60, true, "[]");

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
