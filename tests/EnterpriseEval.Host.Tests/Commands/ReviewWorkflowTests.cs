using EnterpriseEval.Host.Tests.Support;
using static EnterpriseEval.Host.Tests.Support.ReviewSample;
using Microsoft.Data.Sqlite;

namespace EnterpriseEval.Host.Tests.Commands;

/// <summary>The walkthrough of samples/review/README.md, step by step through the command line.</summary>
public sealed class ReviewWorkflowTests
{
    [Fact]
    public async Task The_walkthrough_runs_a_whole_batch_from_new_to_issue()
    {
        using var dir = new TempFolder();
        var store = dir.File("review.db");
        var outDir = dir.File("out");

        await CliRun.Ok(New(store));
        await CliRun.Ok(["review", "screen", "--store", store, "--batch", Batch, "--roster", Roster, "--user", "王审核"]);
        var score = await CliRun.Ok(["review", "score", "--store", store, "--batch", Batch, "--user", "王审核"]);
        Assert.Contains("GP0002", score);
        var vote = await CliRun.Ok(["review", "vote", "--store", store, "--batch", Batch, "--file", Votes, "--date", "2026-12-30", "--user", "王审核"]);
        Assert.Contains("出席人数（16）大于评委总数（15）", vote);
        Assert.Contains("与出席人数 12 不等", vote);
        var publicize = await CliRun.Ok(["review", "publicize", "--store", store, "--batch", Batch, "--config", Config, "--out", outDir, "--user", "王审核"]);
        Assert.Contains("2026年12月31日至2027年1月7日", publicize);
        var list = File.ReadAllText(Directory.GetFiles(outDir, "publicity_list_0001*.html").Single());
        Assert.Contains("经个人申报、资格审查和评审委员会评审", list);
        Assert.Contains("GP0002", list);
        Assert.Contains("2027年1月7日", list);
        var objection = await CliRun.Ok(["review", "publicize", "--store", store, "--batch", Batch, "--objection", "GP0014", "--reason", "专利署名有争议", "--date", "2027-01-05", "--user", "李纪检"]);
        Assert.Contains("已登记异议 #1", objection);

        // An open objection stops the issue, naming it; nothing is written.
        var refused = await CliRun.Of(["review", "issue", "--store", store, "--batch", Batch, "--out", outDir, "--date", "2027-01-08", "--user", "王审核"]);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("还有 1 条异议未处理，不能发文：异议 #1（工号 GP0014", refused.Output);
        Assert.False(Directory.Exists(Path.Combine(outDir, "notices")));

        // Upheld: GP0014 gets no notice (before objections had to be resolved, any objection withheld the notice).
        var resolved = await CliRun.Ok(["review", "resolve", "--store", store, "--batch", Batch, "--objection", "1", "--upheld", "--reason", "经核实专利署名确有争议", "--date", "2027-01-07", "--user", "王审核"]);
        Assert.Contains("已处理异议 #1", resolved);
        Assert.Contains("异议成立", resolved);
        var again = await CliRun.Of(["review", "resolve", "--store", store, "--batch", Batch, "--objection", "1", "--dismissed", "--reason", "改判", "--user", "王审核"]);
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("不能重复处理", again.Output);
        var issue = await CliRun.Ok(["review", "issue", "--store", store, "--batch", Batch, "--out", outDir, "--date", "2027-01-08", "--user", "王审核"]);

        Assert.Contains("3 份通知书", issue);
        Assert.Contains("GP0014", issue);
        Assert.Equal(
            ["review_result_notice_0001_GP0002.html", "review_result_notice_0002_GP0004.html", "review_result_notice_0003_GP0011.html", "review_result_notice_batch.html"],
            Directory.GetFiles(Path.Combine(outDir, "notices")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var workbook in new[] { "决策结果.xlsx", "业绩评分.xlsx", "评委会表决.xlsx", "公示名单.xlsx" })
        {
            Assert.True(File.Exists(Path.Combine(outDir, workbook)), workbook);
        }

        var show = await CliRun.Ok(["review", "show", "--store", store, "--batch", Batch]);
        Assert.Contains("李纪检", show);
        Assert.Contains("异议 #1：工号 GP0014", show);
        Assert.Contains("异议成立（2027年1月7日，王审核：经核实专利署名确有争议）", show);
        Assert.Contains("issue", show);
        Assert.Contains("通知书：review_result_notice_0001_GP0002.html", await CliRun.Ok(["review", "show", "--store", store, "--batch", Batch, "--employee", "GP0002"]));
        Assert.Contains("校验通过", await CliRun.Ok(["review", "verify", "--store", store]));
    }

    [Fact]
    public async Task A_screen_stopped_after_some_employees_resumes_to_the_same_decisions_as_an_uninterrupted_run()
    {
        using var dir = new TempFolder();
        var whole = dir.File("whole.db");
        var broken = dir.File("broken.db");
        await CliRun.Ok(New(whole));
        await CliRun.Ok(["review", "screen", "--store", whole, "--batch", Batch, "--roster", Roster]);
        await CliRun.Ok(New(broken));

        var stopped = await CliRun.Of(["review", "screen", "--store", broken, "--batch", Batch, "--roster", Roster, "--stop-after", "7"]);
        Assert.NotEqual(0, stopped.ExitCode);
        Assert.Contains("已提交 7/32", stopped.Output);
        var resumed = await CliRun.Ok(["review", "screen", "--store", broken, "--batch", Batch]);

        Assert.Contains("从第 8 名员工续跑", resumed);
        Assert.Equal(DecisionRows(whole), DecisionRows(broken));
        Assert.Contains("校验通过", await CliRun.Ok(["review", "verify", "--store", broken]));
    }

    [Fact]
    public async Task Replay_reports_identical_decisions()
    {
        using var dir = new TempFolder();
        var store = dir.File("review.db");
        await CliRun.Ok(New(store));
        await CliRun.Ok(["review", "screen", "--store", store, "--batch", Batch, "--roster", Roster]);
        await CliRun.Ok(["review", "score", "--store", store, "--batch", Batch]);

        var replay = await CliRun.Ok(["review", "replay", "--store", store, "--batch", Batch]);

        Assert.Contains("复现一致", replay);
        Assert.Contains("34 条决策", replay);
    }

    [Fact]
    public async Task Editing_a_stored_decision_makes_verify_fail_and_name_it()
    {
        using var dir = new TempFolder();
        var store = dir.File("review.db");
        await CliRun.Ok(New(store));
        await CliRun.Ok(["review", "screen", "--store", store, "--batch", Batch, "--roster", Roster]);
        var id = Execute(store, "SELECT id FROM decisions WHERE employee_id = 'GP0003' AND target_level = 'assistant'");

        Execute(store, $"UPDATE decisions SET outcome = 'eligible' WHERE id = {id}");
        var verify = await CliRun.Of(["review", "verify", "--store", store]);

        Assert.NotEqual(0, verify.ExitCode);
        Assert.Contains($"决策记录 #{id}（GP0003 skill_to_title）内容与审计链不符", verify.Output);
    }

    [Fact]
    public async Task Editing_a_decision_and_its_hash_still_fails_verify_on_the_audit_entry()
    {
        using var dir = new TempFolder();
        var store = dir.File("review.db");
        await CliRun.Ok(New(store));
        await CliRun.Ok(["review", "screen", "--store", store, "--batch", Batch, "--roster", Roster]);

        Execute(store, "UPDATE decisions SET content_hash = 'forged' WHERE employee_id = 'GP0003'");
        var verify = await CliRun.Of(["review", "verify", "--store", store]);

        Assert.NotEqual(0, verify.ExitCode);
        Assert.Contains("审计记录 #3（screen）所记的决策记录", verify.Output);
    }

    [Fact]
    public async Task Editing_an_audit_entry_makes_verify_fail_and_name_it()
    {
        using var dir = new TempFolder();
        var store = dir.File("review.db");
        await CliRun.Ok(New(store));
        await CliRun.Ok(["review", "screen", "--store", store, "--batch", Batch, "--roster", Roster]);

        Execute(store, "UPDATE audit SET user_name = '别人' WHERE seq = 2");
        var verify = await CliRun.Of(["review", "verify", "--store", store]);

        Assert.NotEqual(0, verify.ExitCode);
        Assert.Contains("审计记录 #2（import，别人", verify.Output);
    }

    [Fact]
    public async Task Steps_out_of_order_are_refused_in_one_Chinese_line()
    {
        using var dir = new TempFolder();
        var store = dir.File("review.db");
        await CliRun.Ok(New(store));

        var vote = await CliRun.Of(["review", "vote", "--store", store, "--batch", Batch, "--file", Votes]);

        Assert.NotEqual(0, vote.ExitCode);
        Assert.Contains("review score", vote.Output);
        Assert.Single(vote.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static List<string> DecisionRows(string store)
    {
        using var connection = new SqliteConnection($"Data Source={store};Pooling=False");
        connection.Open();
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

    private static object? Execute(string store, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={store};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
