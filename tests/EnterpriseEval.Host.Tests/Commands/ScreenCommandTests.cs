using System.Text.Json;
using EnterpriseEval.Host.Tests.Support;
using nietras.SeparatedValues;

namespace EnterpriseEval.Host.Tests.Commands;

public sealed class ScreenCommandTests
{
    private static readonly string Demo = RepoPaths.Sample("rosters/demo");
    private static readonly string DemoChinese = RepoPaths.Sample("rosters/demo-zh");

    [Fact]
    public async Task Screening_the_demo_roster_prints_the_summary_and_writes_the_four_files()
    {
        using var outDir = new TempFolder();

        var run = await CliRun.Of(["screen", "--roster", Demo, "--as-of", "2026-12-31", "--out", outDir.Path]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("资格筛查完成", run.Output);
        Assert.Contains("读取员工", run.Output);
        Assert.Contains("拒收行", run.Output);
        Assert.Contains("技能人才评职称", run.Output);
        foreach (var file in new[] { "decisions.csv", "decisions.json", "equivalences.csv", "rejects.csv" })
        {
            Assert.True(File.Exists(outDir.File(file)), file);
        }

        var header = File.ReadLines(outDir.File("decisions.csv")).First().TrimStart('\uFEFF');
        Assert.StartsWith(
            "employee_id,name,path,target_level,target_series,target_occupation,outcome,earliest_eligible_on,theory_exam_exempt,rule_ids,reasons",
            header);
        Assert.True(File.ReadLines(outDir.File("rejects.csv")).Count() > 1, "the demo roster has deliberate bad rows");
    }

    [Fact]
    public async Task Decisions_json_has_one_decision_per_line_and_says_what_decisions_csv_says()
    {
        using var outDir = new TempFolder();

        await CliRun.Of(["screen", "--roster", Demo, "--as-of", "2026-12-31", "--out", outDir.Path]);

        using var json = JsonDocument.Parse(File.ReadAllBytes(outDir.File("decisions.json")));
        var decisions = json.RootElement.GetProperty("decisions").EnumerateArray().ToList();
        Assert.Equal("2026-12-31", json.RootElement.GetProperty("as_of").GetString());
        Assert.Equal(decisions.Count, File.ReadLines(outDir.File("decisions.json")).Count(l => l.StartsWith("    {\"employee_id\":", StringComparison.Ordinal)));

        using var csv = Sep.Reader().FromFile(outDir.File("decisions.csv"));
        var rows = csv.Enumerate(r => (Id: r["employee_id"].ToString(), Path: r["path"].ToString(), Outcome: r["outcome"].ToString(), RuleIds: r["rule_ids"].ToString(), Reasons: r["reasons"].ToString())).ToList();
        Assert.Equal(rows.Count, decisions.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var d = decisions[i];
            Assert.Equal(rows[i], (d.GetProperty("employee_id").GetString()!, d.GetProperty("path").GetString()!, d.GetProperty("outcome").GetString()!, d.GetProperty("rule_ids").GetString()!, d.GetProperty("reasons").GetString()!));
            var messages = d.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("message").GetString());
            Assert.Equal(rows[i].Reasons, string.Join("；", messages));
        }
    }

    [Fact]
    public async Task Quotes_backslashes_and_tabs_in_roster_values_are_escaped_in_decisions_json()
    {
        using var roster = new TempFolder();
        using var outDir = new TempFolder();
        File.WriteAllLines(roster.File("employees.csv"), [
            "employee_id,name,hire_date,post_category,frontline,occupation",
            "E1,张三,2010-03-01,skill,yes,\"车\"\"工\\\t甲\"",
        ]);
        File.WriteAllLines(roster.File("skill_certificates.csv"), [
            "employee_id,occupation,level,certificate_no,issued_on,kind,status",
            "E1,\"车\"\"工\\\t甲\",senior_worker,N\"1\",2015-06-01,qualification,valid",
        ]);

        var run = await CliRun.Of(["screen", "--roster", roster.Path, "--as-of", "2026-12-31", "--out", outDir.Path]);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllBytes(outDir.File("decisions.json")));
        var reasons = json.RootElement.GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("reasons").GetString()!).ToList();
        Assert.Contains(reasons, r => r.Contains("车\"工\\\t甲", StringComparison.Ordinal));
        Assert.Contains("\\\"", File.ReadAllText(outDir.File("decisions.json")));
    }

    [Fact]
    public async Task Screening_the_same_roster_twice_gives_byte_identical_decisions()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();

        await CliRun.Of(["screen", "--roster", Demo, "--as-of", "2026-12-31", "--out", first.Path]);
        await CliRun.Of(["screen", "--roster", Demo, "--as-of", "2026-12-31", "--out", second.Path]);

        Assert.Equal(File.ReadAllBytes(first.File("decisions.csv")), File.ReadAllBytes(second.File("decisions.csv")));
        Assert.Equal(File.ReadAllBytes(first.File("decisions.json")), File.ReadAllBytes(second.File("decisions.json")));
    }

    [Fact]
    public async Task A_roster_with_Chinese_headers_values_BOM_and_CRLF_gives_the_same_decisions_as_its_English_twin()
    {
        using var english = new TempFolder();
        using var chinese = new TempFolder();

        await CliRun.Of(["screen", "--roster", Demo, "--as-of", "2026-12-31", "--out", english.Path]);
        await CliRun.Of(["screen", "--roster", DemoChinese, "--as-of", "2026-12-31", "--out", chinese.Path]);

        var raw = File.ReadAllBytes(Path.Combine(DemoChinese, "employees.csv"));
        Assert.True(raw is [0xEF, 0xBB, 0xBF, ..], "the Chinese twin starts with a BOM");
        Assert.Contains("\r\n", File.ReadAllText(Path.Combine(DemoChinese, "employees.csv")));
        Assert.Contains("工号", File.ReadLines(Path.Combine(DemoChinese, "employees.csv")).First());
        Assert.Equal(File.ReadAllText(english.File("decisions.csv")), File.ReadAllText(chinese.File("decisions.csv")));
        Assert.Equal(File.ReadAllText(english.File("equivalences.csv")), File.ReadAllText(chinese.File("equivalences.csv")));
    }

    [Fact]
    public async Task A_missing_roster_folder_exits_non_zero_with_one_Chinese_line_and_no_stack_trace()
    {
        using var outDir = new TempFolder();

        var run = await CliRun.Of(["screen", "--roster", "/no/such/roster", "--out", outDir.Path]);

        Assert.NotEqual(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("/no/such/roster", lines[0]);
        Assert.Contains("错误", lines[0]);
        Assert.DoesNotContain(" at ", run.Output);
    }

    [Fact]
    public async Task A_malformed_cut_off_date_is_refused_in_Chinese()
    {
        var run = await CliRun.Of(["screen", "--roster", Demo, "--as-of", "31/12/2026"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("YYYY-MM-DD", run.Output);
        Assert.Contains("31/12/2026", run.Output);
    }

    [Fact]
    public async Task Screening_without_a_roster_option_says_which_option_is_missing()
    {
        var run = await CliRun.Of(["screen"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--roster", run.Output);
    }

    [Fact]
    public async Task A_missing_configuration_file_is_named()
    {
        var run = await CliRun.Of(["screen", "--roster", Demo, "--config", "/no/such/config.json"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("找不到配置文件", run.Output);
    }

    [Fact]
    public async Task Help_of_screen_explains_every_option_in_Chinese()
    {
        var run = await CliRun.Of(["screen", "--help"]);

        Assert.Equal(0, run.ExitCode);
        foreach (var option in new[] { "--roster", "--as-of", "--out", "--config" })
        {
            Assert.Contains(option, run.Output);
        }

        Assert.Contains("花名册：CSV 文件夹", run.Output);
        Assert.Contains(".xlsx", run.Output);
        Assert.Contains("截止日期", run.Output);
    }

    [Fact]
    public async Task Help_of_eeval_lists_the_commands()
    {
        var run = await CliRun.Of(["--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("screen", run.Output);
        Assert.Contains("资格筛查", run.Output);
    }

    [Fact]
    public async Task A_run_that_fails_half_way_leaves_the_previous_results_untouched()
    {
        using var outDir = new TempFolder();
        using var roster = new TempFolder();
        foreach (var file in Directory.GetFiles(Demo, "*.csv"))
        {
            File.Copy(file, roster.File(Path.GetFileName(file)));
        }

        await CliRun.Of(["screen", "--roster", roster.Path, "--as-of", "2026-12-31", "--out", outDir.Path]);
        var before = Directory.GetFiles(outDir.Path).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        // The last table ends in bytes that are neither UTF-8 nor GB18030: the run stops after decisions were written.
        File.AppendAllText(roster.File("work_periods.csv"), "HM0001,");
        using (var tail = File.Open(roster.File("work_periods.csv"), FileMode.Append))
        {
            tail.Write([0xFF, 0xFE, 0xFF, (byte)'\n']);
        }

        var run = await CliRun.Of(["screen", "--roster", roster.Path, "--as-of", "2027-12-31", "--out", outDir.Path]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("work_periods.csv", run.Output);
        Assert.Equal(before.Keys.Order(), Directory.GetFiles(outDir.Path).Select(Path.GetFileName).Order());
        foreach (var (name, bytes) in before)
        {
            Assert.Equal(bytes, File.ReadAllBytes(outDir.File(name)));
        }

        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(outDir.Path)!, $".{Path.GetFileName(outDir.Path)}.eeval-staging-*"));
    }
}
