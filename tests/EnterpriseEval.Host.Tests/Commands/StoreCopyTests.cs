using System.Globalization;
using EnterpriseEval.Engine.Notices;
using EnterpriseEval.Host.Tests.Support;
using EnterpriseEval.Tests.Shared;
using EnterpriseEval.Workflow.Review;
using EnterpriseEval.Workflow.Review.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using static EnterpriseEval.Host.Tests.Support.ReviewSample;

namespace EnterpriseEval.Host.Tests.Commands;

/// <summary>
/// <c>eeval store copy</c> between SQLite and a real PostgreSQL server (docs/store.md, "Copying a store"): a whole record
/// goes SQLite → PostgreSQL → SQLite and comes back identical, table by table and as <c>review show</c> shows it;
/// <c>review verify</c> passes on both copies, and a step written into the PostgreSQL copy afterwards verifies too.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class StoreCopyPostgresTests(PostgresServer server)
{
    [Fact]
    public async Task A_whole_record_copied_to_PostgreSQL_and_back_verifies_and_is_identical_table_by_table()
    {
        using var dir = new TempFolder();
        var original = await StoreCopySample.WholeRecord(dir);
        var postgres = "postgres:" + server.CreateDatabase();
        var final = dir.File("final.db");

        var toPostgres = await CliRun.Ok(["store", "copy", "--from", original, "--to", postgres]);
        Assert.Contains("校验通过", toPostgres);
        Assert.Contains("已复制", toPostgres);
        Assert.Contains("api_tokens", toPostgres);
        Assert.Contains("ballot_counts", toPostgres);
        Assert.Contains("校验通过", await CliRun.Ok(["review", "verify", "--store", postgres]));

        var back = await CliRun.Ok(["store", "copy", "--from", postgres, "--to", final]);
        Assert.Contains("校验通过", back);
        Assert.Contains("校验通过", await CliRun.Ok(["review", "verify", "--store", final]));
        Assert.Empty(Directory.GetFiles(dir.Path, ".final.db*"));

        // Every table, every column, every row, with its type: the same record.
        var before = StoreCopySample.Dump(original);
        Assert.Equal(before.Keys, StoreCopySample.Dump(final).Keys);
        foreach (var (table, rows) in StoreCopySample.Dump(final))
        {
            Assert.True(before[table].SequenceEqual(rows), $"{table} differs after the round trip");
        }

        Assert.Contains("accounts", before.Keys);
        Assert.NotEmpty(before["ballot_counts"]);
        Assert.NotEmpty(before["api_tokens"]);
        foreach (var batch in new[] { Batch, StoreCopySample.BallotBatch })
        {
            Assert.Equal(
                await CliRun.Ok(["review", "show", "--store", original, "--batch", batch]),
                await CliRun.Ok(["review", "show", "--store", final, "--batch", batch]));
        }

        Assert.Equal(
            await CliRun.Ok(["review", "show", "--store", original, "--batch", Batch, "--employee", "GP0002"]),
            await CliRun.Ok(["review", "show", "--store", final, "--batch", Batch, "--employee", "GP0002"]));

        // Later steps in the PostgreSQL copy take ids after the copied ones (identity sequences moved on) and verify.
        await CliRun.Ok(["review", "ballot", "close", "--store", postgres, "--batch", StoreCopySample.BallotBatch, "--date", "2026-12-30", "--user", "王审核"]);
        await CliRun.Ok(["review", "publicize", "--store", postgres, "--batch", StoreCopySample.BallotBatch, "--config", Config, "--user", "王审核"]);
        Assert.Contains(
            "已登记异议 #2",
            await CliRun.Ok(["review", "publicize", "--store", postgres, "--batch", StoreCopySample.BallotBatch, "--objection", "GP0002", "--reason", "复制后登记", "--date", "2027-01-05", "--user", "李纪检"]));
        using (var store = new PostgresReviewStore(postgres["postgres:".Length..], TimeProvider.System, StoreCopySample.Key, mustExist: true))
        {
            var maxBefore = store.Accounts().Max(a => a.Id);
            var accountId = store.CreateAccount(StoreCopySample.Account("after-copy", "auditor"), new AuditDraft("account", "测试", "复制后建立账户")).Id;
            Assert.Equal(maxBefore + 1, accountId);
            Assert.NotNull(store.Publicity(store.FindBatch(StoreCopySample.BallotBatch)!.Id));
        }

        var verified = await CliRun.Ok(["review", "verify", "--store", postgres]);
        Assert.Contains("校验通过", verified);
    }

    [Fact]
    public async Task A_PostgreSQL_database_that_holds_records_is_refused_and_left_as_it_was()
    {
        using var dir = new TempFolder();
        var store = dir.File("review.db");
        await CliRun.Ok(New(store));
        var postgres = "postgres:" + server.CreateDatabase();
        await CliRun.Ok(["store", "copy", "--from", store, "--to", postgres]);
        var entries = Count(postgres, "audit");

        var again = await CliRun.Of(["store", "copy", "--from", store, "--to", postgres]);

        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("已有记录（审计记录 1 行", again.Output);
        Assert.Contains("本次未做任何改动", again.Output);
        Assert.Equal(entries, Count(postgres, "audit"));
        Assert.Contains("校验通过", await CliRun.Ok(["review", "verify", "--store", postgres]));
    }

    [Fact]
    public async Task An_unreachable_PostgreSQL_server_is_refused_in_Chinese_without_its_password()
    {
        using var dir = new TempFolder();
        var store = dir.File("review.db");
        await CliRun.Ok(New(store));
        var before = File.ReadAllBytes(store);
        var unreachable = $"postgres:Host={dir.File("no-such-socket-folder")};Database=eeval;Username=eeval;Password=geheim-4711;Timeout=5";

        var to = await CliRun.Of(["store", "copy", "--from", store, "--to", unreachable]);
        var from = await CliRun.Of(["store", "copy", "--from", unreachable, "--to", dir.File("copy.db")]);

        Assert.NotEqual(0, to.ExitCode);
        Assert.Contains("无法打开评审数据库：PostgreSQL", to.Output);
        Assert.DoesNotContain("geheim-4711", to.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, from.ExitCode);
        Assert.Contains("无法打开评审数据库：PostgreSQL", from.Output);
        Assert.DoesNotContain("geheim-4711", from.Output, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(store));
        Assert.Equal(["review.db"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_copy_that_fails_half_way_into_PostgreSQL_leaves_no_record_there()
    {
        using var dir = new TempFolder();
        var store = dir.File("review.db");
        await CliRun.Ok(New(store));
        await CliRun.Ok(["review", "screen", "--store", store, "--batch", Batch, "--roster", Roster]);

        // A value PostgreSQL cannot hold, in a table copied after the audit chain and the batch.
        using (var connection = new SqliteConnection($"Data Source={store};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE roster_rows SET fields = 'a' || char(0) || 'b' WHERE id = 3";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        var postgres = "postgres:" + server.CreateDatabase();
        var copy = await CliRun.Of(["store", "copy", "--from", store, "--to", postgres]);

        Assert.NotEqual(0, copy.ExitCode);
        Assert.Contains("源库表 roster_rows 中主键为 id=3 的行无法写入目标库", copy.Output);
        Assert.Contains("空字符", copy.Output);
        foreach (var table in new[] { "audit", "audit_head", "batches", "accounts" })
        {
            Assert.Equal(0, Count(postgres, table));
        }
    }

    private static long Count(string postgres, string table)
    {
        using var connection = new NpgsqlConnection(postgres["postgres:".Length..]);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }
}

/// <summary><c>eeval store copy</c> between SQLite files: the refusals, and no half-written file when a copy stops.</summary>
public sealed class StoreCopyTests
{
    [Fact]
    public async Task A_copy_to_a_new_SQLite_file_is_identical_and_verifies()
    {
        using var dir = new TempFolder();
        var store = dir.File("review.db");
        await CliRun.Ok(New(store));
        await CliRun.Ok(["review", "screen", "--store", store, "--batch", Batch, "--roster", Roster]);
        var copy = dir.File("copy.db");

        var output = await CliRun.Ok(["store", "copy", "--from", store, "--to", copy]);

        Assert.Contains("校验通过", output);
        Assert.Contains("roster_rows", output);
        var before = StoreCopySample.Dump(store);
        var after = StoreCopySample.Dump(copy);
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before, t => Assert.True(t.Value.SequenceEqual(after[t.Key]), t.Key));
    }

    [Fact]
    public async Task A_copy_of_an_altered_store_is_verified_names_the_row_and_exits_non_zero()
    {
        using var dir = new TempFolder();
        var store = dir.File("review.db");
        await CliRun.Ok(New(store));
        await CliRun.Ok(["review", "screen", "--store", store, "--batch", Batch, "--roster", Roster]);
        using (var connection = new SqliteConnection($"Data Source={store};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE decisions SET reasons = reasons || '（改）' WHERE id = 5";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        var copy = await CliRun.Of(["store", "copy", "--from", store, "--to", dir.File("copy.db")]);

        Assert.Equal(2, copy.ExitCode);
        Assert.Contains("已复制", copy.Output);
        Assert.Contains("决策记录 #5（", copy.Output);
        Assert.Contains("校验未通过", copy.Output);
        Assert.Contains("请对源库运行 eeval review verify", copy.Output);
    }

    [Fact]
    public async Task A_SQLite_store_that_holds_records_is_refused_and_left_byte_for_byte()
    {
        using var dir = new TempFolder();
        var store = dir.File("review.db");
        var other = dir.File("other.db");
        await CliRun.Ok(New(store));
        await CliRun.Ok(New(other));
        var before = File.ReadAllBytes(other);

        var copy = await CliRun.Of(["store", "copy", "--from", store, "--to", other]);

        Assert.NotEqual(0, copy.ExitCode);
        Assert.Contains($"目标评审数据库（{other}）已有记录（审计记录 1 行", copy.Output);
        Assert.Contains("批次记录 1 行", copy.Output);
        Assert.Equal(before, File.ReadAllBytes(other));
    }

    [Fact]
    public async Task A_target_in_a_folder_that_does_not_exist_is_refused_and_nothing_is_created()
    {
        using var dir = new TempFolder();
        var store = dir.File("review.db");
        await CliRun.Ok(New(store));
        var folder = dir.File("missing");

        var copy = await CliRun.Of(["store", "copy", "--from", store, "--to", Path.Combine(folder, "copy.db")]);

        Assert.NotEqual(0, copy.ExitCode);
        Assert.Contains($"目标文件夹不存在：{folder}", copy.Output);
        Assert.False(Directory.Exists(folder));
        Assert.Equal(["review.db"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_missing_source_and_a_copy_onto_itself_are_refused()
    {
        using var dir = new TempFolder();
        var store = dir.File("review.db");
        await CliRun.Ok(New(store));

        var missing = await CliRun.Of(["store", "copy", "--from", dir.File("nothing.db"), "--to", dir.File("copy.db")]);
        var itself = await CliRun.Of(["store", "copy", "--from", store, "--to", store]);
        var noTarget = await CliRun.Of(["store", "copy", "--from", store]);

        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains($"找不到要复制的评审数据库（--from）：{dir.File("nothing.db")}", missing.Output);
        Assert.NotEqual(0, itself.ExitCode);
        Assert.Contains("源与目标是同一个评审数据库", itself.Output);
        Assert.NotEqual(0, noTarget.ExitCode);
        Assert.Contains("缺少 --to", noTarget.Output);
        Assert.Equal(["review.db"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_copy_stopped_after_some_tables_leaves_no_file_at_the_target_nor_a_temporary_one()
    {
        using var dir = new TempFolder();
        var store = dir.File("review.db");
        await CliRun.Ok(New(store));
        await CliRun.Ok(["review", "screen", "--store", store, "--batch", Batch, "--roster", Roster]);
        var target = dir.File("copy.db");
        using var stop = new CancellationTokenSource();
        var copied = new List<string>();

        Assert.ThrowsAny<OperationCanceledException>(() => StoreCopySample.Copier().Run(
            StoreLocation.Parse(store),
            StoreLocation.Parse(target),
            stage =>
            {
                if (stage.Done == stage.Total && !copied.Contains(stage.Table))
                {
                    copied.Add(stage.Table);
                    if (stage.Table == "batches")
                    {
                        stop.Cancel();
                    }
                }
            },
            stop.Token));

        Assert.Contains("audit", copied);
        Assert.False(File.Exists(target));
        Assert.Equal(["review.db"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Tables_are_copied_after_the_tables_their_foreign_keys_refer_to()
    {
        StoreTable Table(string name, params string[] references) => new(name, [new StoreColumn("id", "integer", false)], ["id"], references);

        var order = StoreCopy.InDependencyOrder([Table("api_tokens", "accounts"), Table("accounts"), Table("audit"), Table("a_jobs", "z_queue", "a_jobs"), Table("z_queue")]);

        Assert.Equal(["accounts", "api_tokens", "audit", "z_queue", "a_jobs"], order.Select(t => t.Name));
    }
}

/// <summary>A store with everything a copy must carry, and a dump of a SQLite store to compare two of them.</summary>
internal static class StoreCopySample
{
    public const string BallotBatch = "2026-工程-无记名";

    public static AuditKey Key() => AuditKeys.Load(TestAuditKey.File);

    public static StoredAccount Account(string name, string role) =>
        new(0, name, $"{name}（测试）", role, null, "AQAAAAIAAYagAAAAEHashNotARealOne==", 0, null, false, new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    /// <summary>A <see cref="StoreCopy"/> with the tests' audit key, as the host composes it.</summary>
    public static StoreCopy Copier()
    {
        var review = Options.Create(new ReviewOptions { AuditKeyFile = TestAuditKey.File });
        return new StoreCopy(new ReviewStoreFactory(review, Options.Create(new StoreOptions()), new AuditKeys(review), TimeProvider.System));
    }

    /// <summary>
    /// The walkthrough's whole batch through the command line (new, screen, score, vote, publicize, objection, resolve,
    /// issue), a second batch whose secret ballot is open with every member's ballots cast, accounts (one locked out
    /// after failed sign-ins) and API tokens (one revoked).
    /// </summary>
    public static async Task<string> WholeRecord(TempFolder dir)
    {
        var store = dir.File("review.db");
        var outDir = dir.File("out");
        await CliRun.Ok(New(store));
        await CliRun.Ok(["review", "screen", "--store", store, "--batch", Batch, "--roster", Roster, "--user", "王审核"]);
        await CliRun.Ok(["review", "score", "--store", store, "--batch", Batch, "--user", "王审核"]);
        await CliRun.Ok(["review", "vote", "--store", store, "--batch", Batch, "--file", Votes, "--date", "2026-12-30", "--user", "王审核"]);
        await CliRun.Ok(["review", "publicize", "--store", store, "--batch", Batch, "--config", Config, "--out", outDir, "--user", "王审核"]);
        await CliRun.Ok(["review", "publicize", "--store", store, "--batch", Batch, "--objection", "GP0014", "--reason", "专利署名有争议", "--date", "2027-01-05", "--user", "李纪检"]);
        await CliRun.Ok(["review", "resolve", "--store", store, "--batch", Batch, "--objection", "1", "--upheld", "--reason", "经核实专利署名确有争议", "--date", "2027-01-07", "--user", "王审核"]);
        await CliRun.Ok(["review", "issue", "--store", store, "--batch", Batch, "--out", outDir, "--date", "2027-01-08", "--user", "王审核"]);

        string[] second = [.. New(store).Select(a => a == Batch ? BallotBatch : a)];
        await CliRun.Ok(second);
        await CliRun.Ok(["review", "screen", "--store", store, "--batch", BallotBatch, "--roster", Roster]);
        await CliRun.Ok(["review", "score", "--store", store, "--batch", BallotBatch]);
        using (var s = new SqliteReviewStore(store, TimeProvider.System, Key, mustExist: true))
        {
            var accounts = new[] { ("zhao", "committee"), ("qian", "committee"), ("sun", "committee"), ("wang", "hr") }
                .Select(a => s.CreateAccount(Account(a.Item1, a.Item2), new AuditDraft("account", "测试准备", $"建立账户 {a.Item1}")))
                .ToList();
            s.RecordSignIn(accounts[3].Id, 5, new DateTimeOffset(2027, 1, 2, 3, 4, 5, TimeSpan.Zero));
            var kept = s.CreateToken(
                new StoredApiToken(0, accounts[3].Id, "人事系统", RowHash.Sha256("token-1"), new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero), "admin", null),
                new AuditDraft("token", "admin", "签发令牌"));
            var revoked = s.CreateToken(
                new StoredApiToken(0, accounts[3].Id, "旧令牌", RowHash.Sha256("token-2"), new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero), "admin", null),
                new AuditDraft("token", "admin", "签发令牌"));
            Assert.True(s.RevokeToken(revoked.Id, new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero), new AuditDraft("token", "admin", "吊销令牌")));
            Assert.NotEqual(kept.Id, revoked.Id);
        }

        await CliRun.Ok(["review", "ballot", "open", "--store", store, "--batch", BallotBatch, "--members", "zhao,qian,sun", "--date", "2026-12-28", "--user", "王审核"]);
        using (var s = new SqliteReviewStore(store, TimeProvider.System, Key, mustExist: true))
        {
            var batch = s.FindBatch(BallotBatch)!;
            var ballots = new BatchBallot(Options.Create(new ReviewOptions()));
            foreach (var c in BatchBallot.Candidates(s, batch))
            {
                ballots.Cast(s, batch, "zhao", c.CandidateKey, "赞成");
                ballots.Cast(s, batch, "qian", c.CandidateKey, "赞成");
                ballots.Cast(s, batch, "sun", c.CandidateKey, "反对");
            }
        }

        Assert.Contains("校验通过", await CliRun.Ok(["review", "verify", "--store", store]));
        return store;
    }

    /// <summary>
    /// Every table of a SQLite store (found in <c>sqlite_master</c>, not from a list) with every row — each value with
    /// its type — in the order of all columns; and the schema itself under <c>sqlite_master</c>.
    /// </summary>
    public static SortedDictionary<string, List<string>> Dump(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var dump = new SortedDictionary<string, List<string>>(StringComparer.Ordinal)
        {
            ["sqlite_master"] = Rows(connection, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"),
        };
        foreach (var table in Rows(connection, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").Select(r => r["text:".Length..]))
        {
            using var columns = connection.CreateCommand();
            columns.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('{table}')";
            var n = (long)columns.ExecuteScalar()!;
            dump[table] = Rows(connection, $"SELECT * FROM \"{table}\" ORDER BY {string.Join(", ", Enumerable.Range(1, (int)n))}");
        }

        return dump;
    }

    private static List<string> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i)
                ? "null"
                : reader.GetFieldType(i) == typeof(string) ? "text:" + reader.GetString(i) : $"{reader.GetFieldType(i).Name}:{Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)}")));
        }

        return rows;
    }
}
