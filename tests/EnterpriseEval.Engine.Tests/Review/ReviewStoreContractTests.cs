using EnterpriseEval.Tests.Shared;
using EnterpriseEval.Workflow.Review;
using EnterpriseEval.Workflow.Review.Store;

namespace EnterpriseEval.Engine.Tests.Review;

/// <summary>
/// What every review store provider must do (docs/store.md), run against SQLite and a real PostgreSQL server: steps are
/// atomic with their audit entry, the write lock is shared by every connection, a second copy of a step's rows is
/// refused, the signed head follows the chain, and the same history gives the same chain on both.
/// </summary>
public abstract class ReviewStoreContractTests
{
    private protected static readonly AuditKey Key = AuditKey.Parse(AuditKey.NewText(), "test");

    /// <summary>Opens the test's store (a new connection each time, as another command or instance would).</summary>
    private protected abstract ReviewStore Open(int busySeconds = 300, TimeProvider? time = null);

    [Fact]
    public void A_new_store_is_created_at_the_latest_schema_version()
    {
        using var store = Open();

        Assert.Equal(StoreMigrations.Latest, store.SchemaVersion);
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

        Assert.Contains("评审数据库正被另一个 eeval 命令或服务实例写入，等待 1 秒后仍未释放，本命令未做任何改动", refused.Message);
        Assert.Contains(second.Location, refused.Message);
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

    [Fact]
    public void A_large_roster_reads_back_in_order_while_chunks_are_written_between_its_rows()
    {
        using var store = Open();
        var batch = store.CreateBatch(Definition(), new AuditDraft("new", "测试", "建立"));
        const int rows = 12_345;
        store.SaveRoster(
            batch.Id,
            [
                new StoredTable("employees", "人员.csv", ["工号", "姓名"], Enumerable.Range(1, rows).Select(i => new StoredRow(i + 1, [$"E{i}", "张三"]))),
                new StoredTable("certificates", "证书.csv", ["工号"], [new StoredRow(2, ["E1"])]),
            ],
            new AuditDraft("import", "测试", "导入"));

        var read = new List<StoredRow>();
        foreach (var row in store.RosterRows(batch.Id, "employees"))
        {
            read.Add(row);
            if (read.Count % 4000 == 0)
            {
                // Screening commits chunks while it still reads the roster.
                store.SaveScreenChunk(batch.Id, read.Count - 4000, read.Count, rows, [Decision(read.Count)], new AuditDraft("screen-chunk", "测试", "进度"));
            }
        }

        Assert.Equal(Enumerable.Range(2, rows), read.Select(r => r.RowNumber));
        Assert.Equal(["employees", "certificates"], store.RosterTables(batch.Id).Select(t => t.Name));
        Assert.Single(store.RosterRows(batch.Id, "certificates"));
        Assert.Empty(store.Verify());
    }

    [Fact]
    public async Task Ballots_cast_at_once_through_many_connections_all_count_once_and_the_chain_stays_whole()
    {
        using var store = Open();
        var batch = store.CreateBatch(Definition(), new AuditDraft("new", "测试", "建立"));
        string[] members = [.. Enumerable.Range(1, 8).Select(i => $"m{i}")];
        string[] candidates = [.. Enumerable.Range(1, 10).Select(i => $"E{i}|skill_to_title|assistant")];
        store.OpenBallot(batch.Id, new StoredBallotRound(new DateOnly(2026, 12, 30), 8), members.Select(m => new StoredBallotMember(m, m)), candidates, new AuditDraft("ballot-open", "测试", "开始"));

        await Task.WhenAll(members.Select(member => Task.Run(() =>
        {
            using var own = Open();
            foreach (var candidate in candidates)
            {
                own.CastBallot(batch.Id, member, candidate, BallotChoice.For, new AuditDraft("ballot", member, "投票"));
            }
        })));
        var twice = Assert.Throws<UserFacingException>(() => store.CastBallot(batch.Id, "m1", candidates[0], BallotChoice.Against, new AuditDraft("ballot", "m1", "再投")));

        Assert.Contains("评审数据库拒绝重复记录", twice.Message);
        Assert.All(candidates, c => Assert.Equal(8, store.BallotCounts(batch.Id).Single(x => x.Candidate == c && x.Choice == BallotChoice.For).Count));
        Assert.Equal(members.Length * candidates.Length, store.BallotVoters(batch.Id).Count);
        Assert.Equal(2 + (members.Length * candidates.Length), store.Head()!.Count);
        Assert.Empty(store.Verify());
        store.Rewrite();
        Assert.Empty(store.Verify());
    }

    [Fact]
    public void Accounts_and_tokens_round_trip_with_their_audit_entries()
    {
        using var store = Open();
        var at = new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);
        var account = store.CreateAccount(new StoredAccount(0, "hr1", "王审核", "hr", null, "hash", 0, null, false, at), new AuditDraft("account", "admin", "新建"));
        store.RecordSignIn(account.Id, 2, at.AddMinutes(15));
        var token = store.CreateToken(new StoredApiToken(0, account.Id, "HR 系统", "abc", at, "admin", null), new AuditDraft("token", "admin", "签发"));

        Assert.True(store.RevokeToken(token.Id, at.AddDays(1), new AuditDraft("token", "admin", "吊销")));
        Assert.False(store.RevokeToken(token.Id, at.AddDays(2), new AuditDraft("token", "admin", "再吊销")));
        var read = store.FindAccount("hr1")!;
        Assert.Equal((2, at.AddMinutes(15)), (read.FailedSignIns, read.LockedUntil!.Value));
        Assert.Equal(at.AddDays(1), store.FindToken("abc")!.RevokedAt);
        Assert.Equal(3, store.Head()!.Count);
        Assert.Empty(store.Verify());
    }

    [Fact]
    public async Task A_queued_job_claimed_by_many_instances_at_once_is_claimed_by_exactly_one()
    {
        using var store = Open();
        var at = new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);
        string[] ids = [.. Enumerable.Range(1, 6).Select(i => $"s{i:D16}")];
        foreach (var id in ids)
        {
            store.CreateJob(Job(id, at.AddSeconds(id[^1])), new AuditDraft("screening", "hr", $"开始 {id}"));
        }

        // Eight "instances" (connections) claim as fast as they can until the queue is empty.
        var claims = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Task.Run(() =>
        {
            using var own = Open();
            var mine = new List<string>();
            while (own.ClaimJob("screening", $"instance-{i}", at) is { } job)
            {
                mine.Add(job.Id);
            }

            return mine;
        })));

        Assert.Equal(ids.Order(), claims.SelectMany(c => c).Order());
        Assert.All(store.Jobs("screening"), j => Assert.Equal((JobStates.Running, 1), (j.State, j.Attempts)));
        Assert.All(store.Jobs("screening"), j => Assert.Contains(j.Id, claims[int.Parse(j.Owner!["instance-".Length..], System.Globalization.CultureInfo.InvariantCulture) - 1]));
        Assert.Null(store.ClaimJob("screening", "late", at));
        Assert.Equal(ids.Length, store.Head()!.Count);
        Assert.Empty(store.Verify());
    }

    [Fact]
    public void Only_the_owner_beats_and_ends_a_job_and_a_take_over_needs_the_beats_it_saw()
    {
        using var store = Open();
        var at = new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);
        store.CreateJob(Job("s1", at), new AuditDraft("screening", "hr", "开始"));
        var job = store.ClaimJob("screening", "a", at)!;

        Assert.Equal(new JobBeat(true, false), store.HeartbeatJob("s1", "a", at.AddSeconds(5), "筛查", 10, 100));
        Assert.Equal(new JobBeat(false, false), store.HeartbeatJob("s1", "b", at.AddSeconds(5), "筛查", 10, 100));
        var beaten = store.FindJob("s1")!;
        Assert.Equal((1L, "筛查", 10, 100), (beaten.Beats, beaten.Stage, beaten.Done, beaten.Total));

        // A take-over with the beats seen before the last one changes nothing: the owner is alive.
        Assert.False(store.TakeOverJob("s1", "a", job.Beats, null, "停止", at.AddMinutes(1)));
        Assert.True(store.TakeOverJob("s1", "a", beaten.Beats, null, "实例 a 已停止，重新排队", at.AddMinutes(1)));
        Assert.False(store.TakeOverJob("s1", "a", beaten.Beats, null, "再接管", at.AddMinutes(1)));
        Assert.Equal(new JobBeat(false, false), store.HeartbeatJob("s1", "a", at.AddMinutes(2), "筛查", 20, 100));
        Assert.False(store.FinishJob("s1", "a", new StoredJobEnd(JobStates.Succeeded, "完成", at.AddMinutes(2))));
        var requeued = store.FindJob("s1")!;
        Assert.Equal((JobStates.Queued, (string?)null, "实例 a 已停止，重新排队"), (requeued.State, requeued.Owner, requeued.Message));

        var again = store.ClaimJob("screening", "b", at.AddMinutes(3))!;
        Assert.Equal((2, 0L), (again.Attempts, again.Beats));
        Assert.True(store.FinishJob("s1", "b", new StoredJobEnd(JobStates.Succeeded, "完成", at.AddMinutes(4), 100, 100, Result: "{}", ResultDigest: "d")));
        var done = store.FindJob("s1")!;
        Assert.Equal((JobStates.Succeeded, "d", "实例 a 已停止，重新排队"), (done.State, done.ResultDigest, done.Message));
        Assert.Equal(at.AddMinutes(4), done.EndedAt);
        Assert.False(store.TakeOverJob("s1", "b", done.Beats, new StoredJobEnd(JobStates.Failed, "出错", at), "晚了", at));
    }

    [Fact]
    public void A_cancel_ends_a_queued_job_at_once_reaches_a_running_one_through_its_heartbeat_and_is_audited_once()
    {
        using var store = Open();
        var at = new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);
        store.CreateJob(Job("s1", at), new AuditDraft("screening", "hr", "开始 1"));
        store.CreateJob(Job("s2", at.AddSeconds(1)), new AuditDraft("screening", "hr", "开始 2"));
        store.ClaimJob("screening", "a", at);

        Assert.Equal(JobCancel.Cancelled, store.RequestCancel("s2", at, new AuditDraft("screening-cancel", "hr", "取消 2")));
        Assert.Equal(JobCancel.Requested, store.RequestCancel("s1", at, new AuditDraft("screening-cancel", "hr", "取消 1")));
        Assert.Equal(new JobBeat(true, true), store.HeartbeatJob("s1", "a", at, "筛查", 1, 2));
        Assert.True(store.FinishJob("s1", "a", new StoredJobEnd(JobStates.Cancelled, "已取消", at)));
        Assert.Equal(JobCancel.Ended, store.RequestCancel("s1", at, new AuditDraft("screening-cancel", "hr", "再取消")));
        Assert.Equal(JobCancel.Missing, store.RequestCancel("nope", at, new AuditDraft("screening-cancel", "hr", "取消")));

        Assert.Equal([JobStates.Cancelled, JobStates.Cancelled], store.Jobs("screening").Select(j => j.State));
        Assert.Null(store.ClaimJob("screening", "b", at));
        Assert.Equal(2, store.Audit(null).Count(e => e.Step == "screening-cancel"));
        Assert.Empty(store.Verify());
    }

    [Fact]
    public void A_job_released_on_shutdown_is_queued_again_without_counting_an_attempt()
    {
        using var store = Open();
        var at = new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);
        store.CreateJob(Job("s1", at), new AuditDraft("screening", "hr", "开始"));
        store.ClaimJob("screening", "a", at);

        Assert.False(store.ReleaseJob("s1", "b", "别人的"));
        Assert.True(store.ReleaseJob("s1", "a", "实例 a 停止服务"));

        var job = store.FindJob("s1")!;
        Assert.Equal((JobStates.Queued, 0, (string?)null), (job.State, job.Attempts, job.Owner));
        Assert.Equal(1, store.ClaimJob("screening", "b", at)!.Attempts);
    }

    private static StoredJob Job(string id, DateTimeOffset at) =>
        new(id, "screening", JobStates.Queued, "r0123456789abcdef", new DateOnly(2026, 12, 31), "{}", "hr", at, 0, null, null, 0, null, null, false, "排队", 0, 0, null, null, null, null);

    [Fact]
    public async Task Failed_sign_ins_counted_through_many_connections_at_once_all_count()
    {
        using var store = Open();
        var account = store.CreateAccount(
            new StoredAccount(0, "hr1", "王审核", "hr", null, "hash", 0, null, false, DateTimeOffset.UtcNow), new AuditDraft("account", "admin", "新建"));

        var counts = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() =>
        {
            using var own = Open();
            return own.CountFailedSignIn(account.Id);
        })));

        Assert.Equal(Enumerable.Range(1, 12), counts.Order());
        Assert.Equal(12, store.FindAccount(account.Id)!.FailedSignIns);
    }

    /// <summary>The same steps at the same instants: the audit chain (its entries and hashes) the provider gives.</summary>
    private protected static IReadOnlyList<AuditEntry> History(ReviewStore store)
    {
        var batch = store.CreateBatch(Definition(), new AuditDraft("new", "测试", "建立"));
        store.SaveRoster(batch.Id, [new StoredTable("employees", "人员.csv", ["工号"], [new StoredRow(2, ["E0"]), new StoredRow(3, ["E1"])])], new AuditDraft("import", "测试", "导入"));
        store.SaveScreenChunk(batch.Id, 0, 2, 2, [Decision(0), Decision(1)], new AuditDraft("screen", "测试", "完成"));
        store.SaveScores(batch.Id, [Score("E0")], new AuditDraft("score", "测试", "评分"));
        store.SavePublicity(batch.Id, new StoredPublicity(new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 7), 5, "", ""), new AuditDraft("publicize", "测试", "公示"));
        var objection = store.AddObjection(batch.Id, new StoredObjection(0, "E0", new DateOnly(2027, 1, 2), "异议", "李四"), new AuditDraft("objection", "李四", "异议"));
        store.ResolveObjection(batch.Id, objection, new StoredResolution("dismissed", "不成立", new DateOnly(2027, 1, 3), "王五"), new AuditDraft("resolve", "王五", "处理"));
        return store.Audit(null);
    }

    protected sealed class FixedClock() : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 12, 7, 9, 30, 0, TimeSpan.Zero);
    }

    private static StoredScore Score(string id) => new(id, "张三", "plugin", 70.5m, 60, true, "[]");

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

public sealed class SqliteReviewStoreContractTests : ReviewStoreContractTests, IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"eeval-store-{Guid.NewGuid():N}.db");

    [Fact]
    public void A_new_store_is_created_as_a_file()
    {
        using var store = Open();

        Assert.True(File.Exists(_path));
        Assert.Equal(_path, store.Location);
    }

    public void Dispose() => File.Delete(_path);

    private protected override ReviewStore Open(int busySeconds = 300, TimeProvider? time = null) =>
        new SqliteReviewStore(_path, time ?? TimeProvider.System, () => Key, busySeconds);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresReviewStoreContractTests(PostgresServer server) : ReviewStoreContractTests
{
    private readonly string _database = server.CreateDatabase();

    [Fact]
    public void The_same_history_gives_the_same_audit_chain_as_SQLite()
    {
        var path = Path.Combine(Path.GetTempPath(), $"eeval-store-{Guid.NewGuid():N}.db");
        try
        {
            IReadOnlyList<AuditEntry> sqlite;
            using (var file = new SqliteReviewStore(path, new FixedClock(), () => Key))
            {
                sqlite = History(file);
            }

            using var postgres = Open(time: new FixedClock());
            var chain = History(postgres);

            Assert.Equal(sqlite.Select(e => (e.Seq, e.Step, e.Detail, e.Hash)), chain.Select(e => (e.Seq, e.Step, e.Detail, e.Hash)));
            Assert.Empty(postgres.Verify());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_database_whose_schema_is_newer_than_the_program_is_refused_and_left_alone()
    {
        using (var store = Open())
        {
            store.CreateBatch(new("测试批次", 2026, "engineering", "assistant", new DateOnly(2026, 12, 31), "授权", "", "", "rules/1", "{}"), new AuditDraft("new", "测试", "建立"));
        }

        using (var connection = new Npgsql.NpgsqlConnection(_database))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"INSERT INTO schema_version (version, applied_at) VALUES ({StoreMigrations.Latest + 1}, 'later')";
            command.ExecuteNonQuery();
        }

        var refused = Assert.Throws<UserFacingException>(() => Open());

        Assert.Contains($"结构版本（{StoreMigrations.Latest + 1}）高于本程序支持的版本（{StoreMigrations.Latest}）", refused.Message);
        Assert.Contains("PostgreSQL", refused.Message);
    }

    [Fact]
    public void Opening_a_database_without_a_store_for_a_step_is_refused_and_creates_nothing()
    {
        var refused = Assert.Throws<UserFacingException>(() => new PostgresReviewStore(_database, TimeProvider.System, () => Key, mustExist: true));

        Assert.Contains("还没有评审数据库", refused.Message);
        Assert.DoesNotContain("Password", refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    private protected override ReviewStore Open(int busySeconds = 300, TimeProvider? time = null) =>
        new PostgresReviewStore(_database, time ?? TimeProvider.System, () => Key, busySeconds);
}
