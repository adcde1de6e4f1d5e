using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using EnterpriseEval.Host.Tests.Support;
using static EnterpriseEval.Host.Tests.Support.ReviewSample;
using EnterpriseEval.Workflow.Review.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;

namespace EnterpriseEval.Host.Tests.Commands;

/// <summary>
/// Issue 18, the review store: two commands at once leave the result of one; a truncated, resealed or emptied store
/// and an edited issued notice fail <c>review verify</c> naming what is wrong (docs/security.md).
/// </summary>
public sealed class ReviewStoreHardeningTests
{
    [Fact]
    public async Task Two_screens_started_at_once_import_the_roster_once_and_leave_the_decisions_of_one_run()
    {
        using var dir = new TempFolder();
        var once = dir.File("once.db");
        var twice = dir.File("twice.db");
        await CliRun.Ok(New(once));
        await CliRun.Ok(Screen(once));
        await CliRun.Ok(New(twice));

        // Small chunks, so that the two runs interleave chunk by chunk.
        var runs = await Together(Screen(twice), Screen(twice));

        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Output));
        Assert.Equal(Count(once, "roster_rows"), Count(twice, "roster_rows"));
        Assert.Equal(Rows(once, "SELECT employee_index, employee_id, path, target_level, outcome, rule_ids, reasons FROM decisions ORDER BY employee_index, path, target_level"),
            Rows(twice, "SELECT employee_index, employee_id, path, target_level, outcome, rule_ids, reasons FROM decisions ORDER BY employee_index, path, target_level"));
        Assert.Equal(1L, Scalar(twice, "SELECT COUNT(*) FROM audit WHERE step = 'import'"));
        Assert.Equal(1L, Scalar(twice, "SELECT COUNT(*) FROM audit WHERE step = 'screen'"));
        Assert.Contains("校验通过", await CliRun.Ok(["review", "verify", "--store", twice]));
    }

    [Fact]
    public async Task Two_of_each_later_step_started_at_once_leave_exactly_the_result_of_one()
    {
        using var dir = new TempFolder();
        var store = dir.File("review.db");
        var outDir = dir.File("out");
        await CliRun.Ok(New(store));
        await CliRun.Ok(Screen(store));

        // review score: 8 scores, not 16.
        OneWins(await Together(Score(store), Score(store)), "已经完成业绩评分，不能重复进行");
        Assert.Equal(8L, Count(store, "scores"));

        // review vote: the 6 accepted votes once.
        string[] vote = ["review", "vote", "--store", store, "--batch", Batch, "--file", Votes, "--date", "2026-12-30"];
        OneWins(await Together(vote, vote), "已经记录评委会表决，不能重复进行");
        Assert.Equal(6L, Count(store, "votes"));

        // review publicize: one publicity period.
        string[] publicize = ["review", "publicize", "--store", store, "--batch", Batch, "--config", Config];
        OneWins(await Together(publicize, publicize), "已经公示，不能重复进行");
        Assert.Equal(1L, Count(store, "publicity"));

        // The same objection recorded by two commands at once is kept once.
        string[] objection = ["review", "publicize", "--store", store, "--batch", Batch, "--objection", "GP0014", "--reason", "专利署名有争议", "--date", "2027-01-05"];
        var objections = await Together(objection, objection);
        Assert.All(objections, r => Assert.True(r.ExitCode == 0, r.Output));
        Assert.Single(objections, r => r.Output.Contains("此前已登记", StringComparison.Ordinal));
        Assert.Equal(1L, Count(store, "objections"));

        // Since objections must be resolved before the issue (upheld: GP0014 gets no notice), the same resolution twice
        // at once is recorded once.
        string[] resolve = ["review", "resolve", "--store", store, "--batch", Batch, "--objection", "1", "--upheld", "--reason", "经核实署名确有争议", "--date", "2027-01-06"];
        OneWins(await Together(resolve, resolve), "不能重复处理");
        Assert.Equal(1L, Count(store, "objection_resolutions"));

        // review issue: one set of notices, and the files are those the store records.
        string[] issue = ["review", "issue", "--store", store, "--batch", Batch, "--out", outDir, "--date", "2027-01-08"];
        OneWins(await Together(issue, issue), "已经发文，不能重复进行");
        Assert.Equal(3L, Count(store, "notices"));
        Assert.Equal(3, Directory.GetFiles(Path.Combine(outDir, "notices"), "review_result_notice_0*.html").Length);
        Assert.True(File.Exists(Path.Combine(outDir, "notices", "review_result_notice_batch.html")));
        Assert.Contains("校验通过", await CliRun.Ok(["review", "verify", "--store", store]));
    }

    [Fact]
    public async Task Recording_the_same_objection_twice_keeps_one()
    {
        using var dir = new TempFolder();
        var store = dir.File("review.db");
        await Published(store);
        string[] objection = ["review", "publicize", "--store", store, "--batch", Batch, "--objection", "GP0014", "--reason", "专利署名有争议", "--date", "2027-01-05"];

        await CliRun.Ok(objection);
        var again = await CliRun.Ok(objection);

        Assert.Contains("该异议此前已登记", again);
        Assert.Equal(1L, Count(store, "objections"));
    }

    [Fact]
    public async Task Deleting_the_last_entries_with_their_rows_fails_verify_as_truncation_and_issue_refuses()
    {
        using var dir = new TempFolder();
        var store = dir.File("review.db");
        await Published(store);
        await CliRun.Ok(["review", "publicize", "--store", store, "--batch", Batch, "--objection", "GP0014", "--reason", "专利署名有争议", "--date", "2027-01-05"]);
        var last = (long)Scalar(store, "SELECT MAX(seq) FROM audit")!;

        // The objection and its audit entry deleted together: the chain that remains is consistent in itself.
        Execute(store, $"DELETE FROM objections; DELETE FROM audit WHERE seq = {last}");
        var verify = await CliRun.Of(["review", "verify", "--store", store]);
        var issue = await CliRun.Of(["review", "issue", "--store", store, "--batch", Batch, "--out", dir.File("out"), "--date", "2027-01-08"]);

        Assert.NotEqual(0, verify.ExitCode);
        Assert.Contains($"审计链被截断：签名的链头记载 {last} 条审计记录，库中只到第 {last - 1} 条", verify.Output);
        Assert.NotEqual(0, issue.ExitCode);
        Assert.Contains("评审数据库校验未通过，不能发文：审计链被截断", issue.Output);
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Fact]
    public async Task A_store_resealed_without_the_key_fails_verify_on_the_signature()
    {
        using var dir = new TempFolder();
        var store = dir.File("review.db");
        await CliRun.Ok(New(store));
        await CliRun.Ok(Screen(store));

        // GP0003 made eligible, and every hash after it recomputed as the program would: only the key is missing.
        Execute(store, "UPDATE decisions SET outcome = 'eligible' WHERE employee_id = 'GP0003'");
        Reseal(store, "decisions");
        var verify = await CliRun.Of(["review", "verify", "--store", store]);

        Assert.NotEqual(0, verify.ExitCode);
        Assert.Contains("审计链头签名无效：审计链在没有审计密钥的情况下被重新计算（重封）", verify.Output);
        Assert.DoesNotContain("决策记录 #", verify.Output);
        Assert.DoesNotContain("审计记录 #", verify.Output);
    }

    [Fact]
    public async Task An_emptied_store_fails_verify()
    {
        using var dir = new TempFolder();
        var store = dir.File("review.db");
        await CliRun.Ok(New(store));
        await CliRun.Ok(Screen(store));

        Execute(store, string.Join(';', StoredTableSpec.All.Select(t => $"DELETE FROM {t.Name}")) + "; DELETE FROM audit; DELETE FROM audit_head");
        var verify = await CliRun.Of(["review", "verify", "--store", store]);

        Assert.NotEqual(0, verify.ExitCode);
        Assert.Contains("评审数据库中没有任何审计记录：库已被清空", verify.Output);
    }

    [Fact]
    public async Task Verify_on_a_store_that_does_not_exist_is_an_error_and_creates_nothing()
    {
        using var dir = new TempFolder();
        var missing = dir.File("nowhere.db");

        var verify = await CliRun.Of(["review", "verify", "--store", missing]);

        Assert.NotEqual(0, verify.ExitCode);
        Assert.Contains($"评审数据库不存在：{missing}", verify.Output);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task Notices_and_the_filing_list_print_the_signed_head_and_an_edited_notice_fails_verify()
    {
        using var dir = new TempFolder();
        var store = dir.File("review.db");
        var outDir = dir.File("out");
        await Published(store);
        var before = (long)Scalar(store, "SELECT count FROM audit_head")!;
        await CliRun.Ok(["review", "issue", "--store", store, "--batch", Batch, "--out", outDir, "--date", "2027-01-08"]);
        var notice = Path.Combine(outDir, "notices", "review_result_notice_0001_GP0002.html");
        var head = (string)Scalar(store, "SELECT hash FROM audit_head")!;

        Assert.Contains($"审计链锚点（发文所依据的评审数据库记录，已签名）：审计记录第 {before} 条，哈希 ", File.ReadAllText(notice));
        Assert.Contains($"审计记录第 {before + 1} 条，哈希 {head}", File.ReadAllText(Path.Combine(outDir, "归档清单.md")));
        Assert.Contains("校验通过", await CliRun.Ok(["review", "verify", "--store", store, "--anchor", $"{before + 1}:{head}"]));

        File.AppendAllText(notice, "\n（补充：另加薪一级）\n");
        var verify = await CliRun.Of(["review", "verify", "--store", store]);

        Assert.NotEqual(0, verify.ExitCode);
        Assert.Contains($"发出的通知书 {notice} 与发文时记录的 SHA-256 不符：文件发出后被改动", verify.Output);
    }

    [Fact]
    public async Task A_store_rolled_back_to_an_older_copy_fails_verify_against_the_anchor_of_the_filing_list()
    {
        using var dir = new TempFolder();
        var store = dir.File("review.db");
        await Published(store);
        File.Copy(store, dir.File("before-issue.db"));
        await CliRun.Ok(["review", "issue", "--store", store, "--batch", Batch, "--out", dir.File("out"), "--date", "2027-01-08"]);
        var anchor = $"{Scalar(store, "SELECT count FROM audit_head")}:{Scalar(store, "SELECT hash FROM audit_head")}";

        File.Copy(dir.File("before-issue.db"), store, overwrite: true);
        var verify = await CliRun.Of(["review", "verify", "--store", store, "--anchor", anchor]);

        Assert.NotEqual(0, verify.ExitCode);
        Assert.Contains("短于锚点所记", verify.Output);
    }

    [Fact]
    public async Task Replay_matches_scores_by_employee_and_says_when_the_store_not_the_program_differs()
    {
        using var dir = new TempFolder();
        var store = dir.File("review.db");
        await CliRun.Ok(New(store));
        await CliRun.Ok(Screen(store));
        await CliRun.Ok(Score(store));

        Execute(store, "UPDATE scores SET total = '99' WHERE employee_id = 'GP0004'");
        var replay = await CliRun.Of(["review", "replay", "--store", store, "--batch", Batch]);

        Assert.NotEqual(0, replay.ExitCode);
        Assert.Contains("工号 GP0004 业绩积分（ganpower-supply）：存储 99，重算 ", replay.Output);
        Assert.Single(replay.Output.Split('\n'), l => l.Contains("业绩积分", StringComparison.Ordinal));
        Assert.Contains("差异来自被改动的存储记录，而非程序本身", replay.Output);
        Assert.DoesNotContain("差异来自程序本身", replay.Output);
    }

    [Fact]
    public async Task A_store_signed_with_another_key_fails_verify_until_rekeyed_with_the_old_key()
    {
        using var dir = new TempFolder();
        var store = dir.File("review.db");
        await CliRun.Ok(New(store));
        var newKey = dir.File("new.key");
        Action<HostApplicationBuilder> withNewKey = b => b.Configuration["EnterpriseEval:Review:AuditKeyFile"] = newKey;

        var created = await CliRun.Of(["review", "rekey", "--store", store, "--old-key-file", TestAuditKey.File], withNewKey);
        Assert.True(created.ExitCode == 0, created.Output);
        Assert.Contains("已换签", created.Output);
        var withOld = await CliRun.Of(["review", "verify", "--store", store]);
        var withNew = await CliRun.Of(["review", "verify", "--store", store], withNewKey);
        var screenWithOld = await CliRun.Of(Screen(store));

        Assert.NotEqual(0, withOld.ExitCode);
        Assert.Contains("审计链头由另一把审计密钥签名", withOld.Output);
        Assert.True(withNew.ExitCode == 0, withNew.Output);
        Assert.NotEqual(0, screenWithOld.ExitCode);
        Assert.Contains("审计链头由另一把审计密钥签名", screenWithOld.Output);
        Assert.True(File.Exists(newKey));
    }

    [Fact]
    public async Task A_store_of_the_previous_schema_migrates_and_is_signed_by_rekey_after_verifying()
    {
        using var dir = new TempFolder();
        var store = dir.File("review.db");
        await CliRun.Ok(New(store));
        await CliRun.Ok(Screen(store));
        // What version 1 left: no UNIQUE keys, no signed head (and none of the later tables: the service's accounts and jobs).
        Execute(store, """
            DROP TABLE jobs; DROP INDEX audit_by_step; DROP INDEX decisions_by_employee;
            DROP TABLE api_tokens; DROP TABLE accounts;
            DROP TABLE ballot_rounds; DROP TABLE ballot_members; DROP TABLE ballot_voters; DROP TABLE ballot_counts;
            DROP TABLE objection_resolutions; DROP INDEX ballot_open_once;
            DROP TABLE audit_head; DELETE FROM schema_version WHERE version >= 2;
            DROP INDEX batch_steps_once; DROP INDEX roster_tables_once; DROP INDEX roster_rows_once; DROP INDEX screen_chunks_once;
            DROP INDEX decisions_once; DROP INDEX scores_once; DROP INDEX votes_once; DROP INDEX publicity_once;
            DROP INDEX objections_once; DROP INDEX notices_once;
            """);

        var unsigned = await CliRun.Of(["review", "verify", "--store", store]);
        var refused = await CliRun.Of(Score(store));
        var rekey = await CliRun.Ok(["review", "rekey", "--store", store]);

        Assert.Contains("审计链头签名缺失", unsigned.Output);
        Assert.Contains("请先运行 eeval review rekey", refused.Output);
        Assert.Contains("已签名", rekey);
        Assert.Equal((long)Workflow.Review.Store.StoreMigrations.Latest, Scalar(store, "SELECT MAX(version) FROM schema_version"));
        Assert.Contains("校验通过", await CliRun.Ok(["review", "verify", "--store", store]));
        await CliRun.Ok(Score(store));
    }

    [Fact]
    public async Task Review_new_creates_the_missing_key_file_readable_by_its_owner_only()
    {
        using var dir = new TempFolder();
        var key = dir.File(Path.Combine("config", "eeval", "audit.key"));

        var run = await CliRun.Of(New(dir.File("review.db")), b => b.Configuration["EnterpriseEval:Review:AuditKeyFile"] = key);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains($"已创建审计密钥文件 {key}", run.Output);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        }
    }

    private static void OneWins(CliRun[] runs, string refusal)
    {
        Assert.Single(runs, r => r.ExitCode == 0);
        var loser = Assert.Single(runs, r => r.ExitCode != 0);
        Assert.Contains(refusal, loser.Output);
    }

    /// <summary>Starts the command lines at the same moment (a barrier), each as its own <c>eeval</c> with its own connection.</summary>
    private static async Task<CliRun[]> Together(params string[][] runs)
    {
        using var barrier = new Barrier(runs.Length);
        return await Task.WhenAll(runs.Select(args => Task.Run(() =>
        {
            barrier.SignalAndWait();
            return CliRun.Of(args, SmallChunks);
        })));
    }

    private static void SmallChunks(HostApplicationBuilder b) => b.Configuration["EnterpriseEval:Review:ScreenChunkSize"] = "3";

    private static async Task Published(string store)
    {
        await CliRun.Ok(New(store));
        await CliRun.Ok(Screen(store));
        await CliRun.Ok(Score(store));
        await CliRun.Ok(["review", "vote", "--store", store, "--batch", Batch, "--file", Votes, "--date", "2026-12-30"]);
        await CliRun.Ok(["review", "publicize", "--store", store, "--batch", Batch, "--config", Config]);
    }

    private static string[] Screen(string store) => ["review", "screen", "--store", store, "--batch", Batch, "--roster", Roster];

    private static string[] Score(string store) => ["review", "score", "--store", store, "--batch", Batch];

    /// <summary>Every hash recomputed as the program would, without the audit key (<see cref="StoreTampering.Reseal"/>).</summary>
    private static void Reseal(string store, string table)
    {
        using var connection = Connect(store);
        StoreTampering.Reseal(connection, table, chain: true);
    }

    private static SqliteConnection Connect(string store)
    {
        var connection = new SqliteConnection($"Data Source={store};Pooling=False");
        connection.Open();
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command;
    }

    private static void Execute(string store, string sql)
    {
        using var connection = Connect(store);
        using var command = Command(connection, null, sql);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(string store, string sql)
    {
        using var connection = Connect(store);
        using var command = Command(connection, null, sql);
        return command.ExecuteScalar();
    }

    private static long Count(string store, string table) => (long)Scalar(store, $"SELECT COUNT(*) FROM {table}")!;

    private static List<string> Rows(string store, string sql)
    {
        using var connection = Connect(store);
        using var command = Command(connection, null, sql);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue)));
        }

        return rows;
    }
}
