using System.Data.Common;
using EnterpriseEval.Host.Tests.Support;
using EnterpriseEval.Tests.Shared;
using EnterpriseEval.Workflow.Review.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Npgsql;
using static EnterpriseEval.Host.Tests.Support.ReviewSample;

namespace EnterpriseEval.Host.Tests.Commands;

/// <summary>
/// Issue 16: one store contract, run through the command line on a SQLite file and on a real PostgreSQL database —
/// every review step, resume after interruption, replay, two commands at once, and every tampering case
/// <c>review verify</c> must catch (changed decision, deleted or reordered audit row, recomputed hashes).
/// Tampering is done with the provider's own connection and plain SQL, as someone with database access would.
/// </summary>
public abstract class StoreProviderContractTests
{
    /// <summary>A new, empty store of this provider, as <c>--store</c> names it.</summary>
    private protected abstract string NewStore(TempFolder dir);

    /// <summary>An open connection of the provider to <paramref name="store"/>.</summary>
    protected abstract DbConnection Connect(string store);

    [Fact]
    public async Task Every_review_step_runs_on_the_store_and_verifies()
    {
        using var dir = new TempFolder();
        var store = NewStore(dir);
        var outDir = dir.File("out");

        await CliRun.Ok(New(store));
        Assert.Contains("34 条决策", await CliRun.Ok(Screen(store)));
        Assert.Contains("业绩评分完成：8 条", await CliRun.Ok(Score(store)));
        await CliRun.Ok(["review", "vote", "--store", store, "--batch", Batch, "--file", Votes, "--date", "2026-12-30"]);
        Assert.Contains("2026年12月31日至2027年1月7日", await CliRun.Ok(["review", "publicize", "--store", store, "--batch", Batch, "--config", Config, "--out", outDir]));
        Assert.Contains("已登记异议 #1", await CliRun.Ok(["review", "publicize", "--store", store, "--batch", Batch, "--objection", "GP0014", "--reason", "专利署名有争议", "--date", "2027-01-05"]));
        await CliRun.Ok(["review", "resolve", "--store", store, "--batch", Batch, "--objection", "1", "--upheld", "--reason", "经核实", "--date", "2027-01-07"]);
        Assert.Contains("3 份通知书", await CliRun.Ok(["review", "issue", "--store", store, "--batch", Batch, "--out", outDir, "--date", "2027-01-08"]));

        Assert.Contains("异议成立（2027年1月7日", await CliRun.Ok(["review", "show", "--store", store, "--batch", Batch]));
        Assert.Contains("复现一致", await CliRun.Ok(["review", "replay", "--store", store, "--batch", Batch]));
        Assert.Contains("校验通过", await CliRun.Ok(["review", "verify", "--store", store]));
        Assert.Equal(8L, Scalar(store, "SELECT COUNT(*) FROM audit WHERE step IN ('new', 'import', 'screen', 'score', 'vote', 'publicize', 'objection', 'issue')"));
    }

    [Fact]
    public async Task A_screen_stopped_part_way_resumes_to_the_decisions_of_an_uninterrupted_run()
    {
        using var dir = new TempFolder();
        var whole = NewStore(dir);
        var broken = NewStore(dir);
        await CliRun.Ok(New(whole));
        await CliRun.Ok(Screen(whole));
        await CliRun.Ok(New(broken));

        var stopped = await CliRun.Of([.. Screen(broken), "--stop-after", "7"]);
        Assert.NotEqual(0, stopped.ExitCode);
        Assert.Contains("已提交 7/32", stopped.Output);
        var resumed = await CliRun.Ok(["review", "screen", "--store", broken, "--batch", Batch]);

        Assert.Contains("从第 8 名员工续跑", resumed);
        Assert.Equal(Decisions(whole), Decisions(broken));
        Assert.Contains("校验通过", await CliRun.Ok(["review", "verify", "--store", broken]));
    }

    [Fact]
    public async Task Two_screens_and_two_scores_started_at_once_leave_the_result_of_one()
    {
        using var dir = new TempFolder();
        var store = NewStore(dir);
        await CliRun.Ok(New(store));

        var screens = await Together(Screen(store), Screen(store));
        var scores = await Together(Score(store), Score(store));

        Assert.All(screens, r => Assert.True(r.ExitCode == 0, r.Output));
        Assert.Equal(34L, Scalar(store, "SELECT COUNT(*) FROM decisions"));
        Assert.Equal(1L, Scalar(store, "SELECT COUNT(*) FROM audit WHERE step = 'screen'"));
        Assert.Single(scores, r => r.ExitCode == 0);
        Assert.Contains("已经完成业绩评分，不能重复进行", Assert.Single(scores, r => r.ExitCode != 0).Output);
        Assert.Equal(8L, Scalar(store, "SELECT COUNT(*) FROM scores"));
        Assert.Contains("校验通过", await CliRun.Ok(["review", "verify", "--store", store]));
    }

    [Fact]
    public async Task A_changed_decision_fails_verify_naming_the_row()
    {
        var (dir, store) = await Screened();
        using (dir)
        {
            var id = Scalar(store, "SELECT id FROM decisions WHERE employee_id = 'GP0003' AND target_level = 'assistant'");

            Execute(store, $"UPDATE decisions SET outcome = 'eligible' WHERE id = {id}");

            Assert.Contains($"决策记录 #{id}（GP0003 skill_to_title）内容与审计链不符", await Failing(store));
        }
    }

    [Fact]
    public async Task A_changed_decision_with_its_row_hash_recomputed_fails_verify_on_the_audit_entry()
    {
        var (dir, store) = await Screened();
        using (dir)
        {
            Execute(store, "UPDATE decisions SET outcome = 'eligible' WHERE employee_id = 'GP0003'");
            Reseal(store, "decisions", chain: false);

            Assert.Contains("审计记录 #3（screen）所记的决策记录", await Failing(store));
        }
    }

    [Fact]
    public async Task A_store_with_every_hash_recomputed_without_the_key_fails_verify_on_the_signature()
    {
        var (dir, store) = await Screened();
        using (dir)
        {
            Execute(store, "UPDATE decisions SET outcome = 'eligible' WHERE employee_id = 'GP0003'");
            Reseal(store, "decisions", chain: true);

            var output = await Failing(store);
            Assert.Contains("审计链头签名无效：审计链在没有审计密钥的情况下被重新计算（重封）", output);
            Assert.DoesNotContain("决策记录 #", output);
        }
    }

    [Fact]
    public async Task A_deleted_audit_row_fails_verify()
    {
        var (dir, store) = await Screened();
        using (dir)
        {
            Execute(store, "DELETE FROM audit WHERE seq = 2");

            var output = await Failing(store);
            Assert.Contains("审计记录 #2 缺失（已被删除）", output);
        }
    }

    [Fact]
    public async Task The_last_audit_rows_deleted_with_their_data_fail_verify_as_truncation()
    {
        var (dir, store) = await Screened();
        using (dir)
        {
            await CliRun.Ok(Score(store));

            Execute(store, "DELETE FROM scores; DELETE FROM audit WHERE seq = 4");

            Assert.Contains("审计链被截断：签名的链头记载 4 条审计记录，库中只到第 3 条", await Failing(store));
        }
    }

    [Fact]
    public async Task Reordered_audit_rows_fail_verify()
    {
        var (dir, store) = await Screened();
        using (dir)
        {
            // Entries 2 (import) and 3 (screen) swap places: each keeps its own content, hash and rows.
            Execute(store, "UPDATE audit SET seq = -2 WHERE seq = 2; UPDATE audit SET seq = 2 WHERE seq = 3; UPDATE audit SET seq = 3 WHERE seq = -2");

            var output = await Failing(store);
            Assert.Contains("审计记录 #2（screen", output);
            Assert.Contains("哈希链接断开", output);
        }
    }

    [Fact]
    public async Task An_edited_audit_entry_fails_verify_naming_it()
    {
        var (dir, store) = await Screened();
        using (dir)
        {
            Execute(store, "UPDATE audit SET user_name = '别人' WHERE seq = 2");

            Assert.Contains("审计记录 #2（import，别人", await Failing(store));
        }
    }

    private async Task<(TempFolder Dir, string Store)> Screened()
    {
        var dir = new TempFolder();
        var store = NewStore(dir);
        await CliRun.Ok(New(store));
        await CliRun.Ok(Screen(store));
        return (dir, store);
    }

    private static async Task<string> Failing(string store)
    {
        var verify = await CliRun.Of(["review", "verify", "--store", store]);
        Assert.NotEqual(0, verify.ExitCode);
        return verify.Output;
    }

    private static string[] Screen(string store) => ["review", "screen", "--store", store, "--batch", Batch, "--roster", Roster];

    private static string[] Score(string store) => ["review", "score", "--store", store, "--batch", Batch];

    /// <summary>Starts the command lines at the same moment, each as its own <c>eeval</c> with its own connection.</summary>
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

    private List<string> Decisions(string store)
    {
        using var connection = Connect(store);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT employee_index, employee_id, path, target_level, outcome, earliest_eligible_on, rule_ids, reasons, findings FROM decisions ORDER BY id";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue)));
        }

        return rows;
    }

    private void Execute(string store, string sql)
    {
        using var connection = Connect(store);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private object? Scalar(string store, string sql)
    {
        using var connection = Connect(store);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private void Reseal(string store, string table, bool chain)
    {
        using var connection = Connect(store);
        StoreTampering.Reseal(connection, table, chain);
    }
}

public sealed class SqliteStoreProviderContractTests : StoreProviderContractTests
{
    private protected override string NewStore(TempFolder dir) => dir.File($"review-{Guid.NewGuid():N}.db");

    protected override DbConnection Connect(string store)
    {
        var connection = new SqliteConnection($"Data Source={store};Pooling=False");
        connection.Open();
        return connection;
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreProviderContractTests(PostgresServer server) : StoreProviderContractTests
{
    private const string Prefix = "postgres:";

    private protected override string NewStore(TempFolder dir) => Prefix + server.CreateDatabase();

    protected override DbConnection Connect(string store)
    {
        var connection = new NpgsqlConnection(store[Prefix.Length..]);
        connection.Open();
        return connection;
    }
}
