using EnterpriseEval.Engine.Tests.Support;
using EnterpriseEval.Host.Tests.Support;
using static EnterpriseEval.Host.Tests.Support.TestFiles;

namespace EnterpriseEval.Host.Tests.Commands;

/// <summary>
/// Issue 14, "Scope" (docs/plugins.md, "Scope"): each shipped plug-in governs its own firm's employees (its
/// <c>plugin.json</c> scope, the roster's <c>enterprise_code</c>), so the group roster of both firms
/// (<c>samples/rosters/group</c>) screened once with both plug-ins gives every employee exactly the decisions, the
/// documents and the provenance that its own firm's plug-in gives alone on the firm's roster.
/// </summary>
public sealed class GroupScopeTests
{
    private const string AsOf = "2026-12-31";
    private static readonly string ShippedPlugins = Path.Combine(RepoPaths.Root, "artifacts", "plugins");

    [Fact]
    public async Task The_group_roster_with_both_plugins_gives_each_employee_the_decisions_of_its_own_firms_plugin_alone()
    {
        using var dir = new TempFolder();
        await Screen("rosters/ganjiang-heavy", Path.Combine(ShippedPlugins, "ganjiang-heavy"), "config/ganjiang-heavy.json", dir.File("ganjiang"));
        await Screen("rosters/ganpower", Path.Combine(ShippedPlugins, "ganpower-supply"), "config/ganpower-supply.json", dir.File("ganpower"));
        var output = await Screen("rosters/group", ShippedPlugins, "config/group.json", dir.File("group"));

        Assert.Contains("ganjiang-heavy 1.0.0", output);
        Assert.Contains("ganpower-supply 1.0.0", output);

        // The group roster lists the 赣江重机 employees, then the 赣电 ones (samples/rosters/group/README.md): every row
        // of every result file — outcome, dates, rule ids, reasons, basis, provenance — is the firm's own run's row.
        foreach (var file in new[] { "decisions.csv", "equivalences.csv", "rejects.csv" })
        {
            var alone = Rows(dir.File("ganjiang"), file).Concat(Rows(dir.File("ganpower"), file)).ToList();
            var group = Rows(dir.File("group"), file).ToList();
            Assert.Equal(Header(dir.File("ganjiang"), file), Header(dir.File("group"), file));
            Assert.Equal(alone.Count, group.Count);
            for (var i = 0; i < alone.Count; i++)
            {
                Assert.True(alone[i] == group[i], $"{file} 第{i + 2}行：单独运行 {alone[i]}\n集团运行 {group[i]}");
            }
        }

        // decisions.json: each decision line likewise (the header lists both plug-ins, each decision its own).
        var jsonAlone = DecisionLines(dir.File("ganjiang")).Concat(DecisionLines(dir.File("ganpower"))).ToList();
        Assert.Equal(jsonAlone, DecisionLines(dir.File("group")).ToList());

        // Not a trivial equality: each firm's criteria ran on its own employees and not on the other firm's.
        var decisions = Rows(dir.File("group"), "decisions.csv").ToList();
        Assert.Contains(decisions, r => r.StartsWith("HM0012,", StringComparison.Ordinal) && r.Contains("GJ-CE", StringComparison.Ordinal) && r.Contains(",not_eligible,", StringComparison.Ordinal));
        Assert.Contains(decisions, r => r.StartsWith("GP0003,", StringComparison.Ordinal) && r.Contains("GP-SCORE", StringComparison.Ordinal));
        Assert.DoesNotContain(decisions, r => r.StartsWith("HM", StringComparison.Ordinal) && r.Contains("GP-", StringComparison.Ordinal));
        Assert.DoesNotContain(decisions, r => r.StartsWith("GP", StringComparison.Ordinal) && r.Contains("GJ-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_decision_names_only_the_plugins_that_applied_to_its_employee()
    {
        using var dir = new TempFolder();
        var roster = dir.File("roster");
        CopyFolder(RepoPaths.Sample("rosters/group"), roster);

        // One more employee, of a unit no plug-in governs: statutory rules only, no plug-in recorded.
        var employees = Path.Combine(roster, "employees.csv");
        var gp0002 = File.ReadLines(employees).First(l => l.StartsWith("GP0002,", StringComparison.Ordinal));
        File.AppendAllText(employees, gp0002.Replace("GP0002,", "XX0002,", StringComparison.Ordinal).Replace(",GDGD,", ",JTZB,", StringComparison.Ordinal) + "\n");
        File.AppendAllLines(Path.Combine(roster, "skill_certificates.csv"), File.ReadLines(Path.Combine(roster, "skill_certificates.csv"))
            .Where(l => l.StartsWith("GP0002,", StringComparison.Ordinal)).Select(l => "XX" + l[2..]).ToList());
        File.AppendAllLines(Path.Combine(roster, "assessments.csv"), File.ReadLines(Path.Combine(roster, "assessments.csv"))
            .Where(l => l.StartsWith("GP0002,", StringComparison.Ordinal)).Select(l => "XX" + l[2..]).ToList());

        await Screen(roster, ShippedPlugins, "config/group.json", dir.File("out"), sample: false);

        var header = Header(dir.File("out"), "decisions.csv").Split(',');
        var plugins = Array.IndexOf(header, "plugins");
        var rows = Rows(dir.File("out"), "decisions.csv").Select(r => (Id: r[..r.IndexOf(',', StringComparison.Ordinal)], Plugins: r.Split(',')[^1])).ToList();
        Assert.Equal(header.Length - 1, plugins);
        Assert.All(rows.Where(r => r.Id.StartsWith("HM", StringComparison.Ordinal)), r => Assert.Matches("^ganjiang-heavy@1\\.0\\.0#[0-9a-f]{64}$", r.Plugins));
        Assert.All(rows.Where(r => r.Id.StartsWith("GP", StringComparison.Ordinal)), r => Assert.Matches("^ganpower-supply@1\\.0\\.0#[0-9a-f]{64}$", r.Plugins));
        var outside = rows.Where(r => r.Id == "XX0002").ToList();
        Assert.NotEmpty(outside);
        Assert.All(outside, r => Assert.Equal("", r.Plugins));

        // Same facts as GP0002, whom 赣电's achievement score (GP-SCORE) judges and passes: outside every scope, XX0002 is
        // judged by the statutory rules alone, with no plug-in sentence among its reasons.
        var all = Rows(dir.File("out"), "decisions.csv").ToList();
        var xx = all.Where(r => r.StartsWith("XX0002,", StringComparison.Ordinal)).ToList();
        var gp = all.Where(r => r.StartsWith("GP0002,", StringComparison.Ordinal)).ToList();
        Assert.All(gp.Where(r => r.Contains(",skill_to_title,", StringComparison.Ordinal)), r => Assert.Contains("业绩评审积分", r));
        Assert.DoesNotContain(xx, r => r.Contains("业绩评审积分", StringComparison.Ordinal) || r.Contains("GP-", StringComparison.Ordinal) || r.Contains("GJ-", StringComparison.Ordinal));
        Assert.Equal(gp.Count, xx.Count);
    }

    [Theory]
    [InlineData("post_equivalence_notice")]
    [InlineData("wage_notice")]
    public async Task Notices_on_the_group_roster_render_each_firms_letterhead_for_its_own_employees_in_one_run(string kind)
    {
        using var dir = new TempFolder();
        await Notices("rosters/ganjiang-heavy", Path.Combine(ShippedPlugins, "ganjiang-heavy"), "config/ganjiang-heavy.json", kind, dir.File("ganjiang"));
        await Notices("rosters/ganpower", Path.Combine(ShippedPlugins, "ganpower-supply"), "config/ganpower-supply.json", kind, dir.File("ganpower"));
        await Notices("rosters/group", ShippedPlugins, "config/group.json", kind, dir.File("group"));

        var ganjiang = Documents(dir.File("ganjiang"), kind);
        var ganpower = Documents(dir.File("ganpower"), kind);
        var group = Documents(dir.File("group"), kind);
        Assert.NotEmpty(ganjiang);
        Assert.NotEmpty(ganpower);
        Assert.Equal(ganjiang.Keys.Concat(ganpower.Keys).Order(StringComparer.Ordinal), group.Keys.Order(StringComparer.Ordinal));

        // One employee of each firm, read: the firm's letterhead (its CSS class, its name, its address) and nothing of
        // the other firm's.
        var hm = group[ganjiang.Keys.First()];
        Assert.Contains("gj-letterhead", hm);
        Assert.Contains("赣江重型机械有限公司", hm);
        Assert.Contains("赣江重机路88号", hm);
        Assert.DoesNotContain("gp-letterhead", hm);
        Assert.DoesNotContain("赣电供电服务有限公司", hm);
        var gp = group[ganpower.Keys.First()];
        Assert.Contains("gp-letterhead", gp);
        Assert.Contains("赣电供电服务有限公司", gp);
        Assert.Contains("赣电大道1号", gp);
        Assert.DoesNotContain("gj-letterhead", gp);
        Assert.DoesNotContain("赣江重型机械有限公司", gp);

        // Each firm numbers its own documents with its own prefix (samples/config/group.json,
        // EnterpriseEval:Documents:Plugins:<id>): never the other firm's, never the host-wide default.
        Assert.Contains("赣重人〔", hm);
        Assert.DoesNotContain("赣电人资〔", hm);
        Assert.Contains("赣电人资〔", gp);
        Assert.Contains("人力资源部（党委组织部）", gp);
        Assert.DoesNotContain("赣重人〔", gp);
        Assert.All(group.Values, text => Assert.DoesNotContain("人资字〔", text));

        // Every document, number included, is the one its firm's own run gives.
        foreach (var (id, text) in ganjiang.Concat(ganpower))
        {
            Assert.True(text == group[id], $"{kind} {id} 与单独运行时不同");
        }
    }

    [Fact]
    public async Task Validate_passes_on_the_two_shipped_plugins_together_since_their_scopes_are_disjoint()
    {
        var run = await CliRun.Of(["plugins", "validate", "--plugins", ShippedPlugins]);

        Assert.True(run.ExitCode == 0, run.Output);
        var flat = Flat(run.Output);
        Assert.Contains(Flat("适用范围：插件 ganjiang-heavy 适用于单位代码为 GJZJ 的员工"), flat);
        Assert.Contains(Flat("适用范围：插件 ganpower-supply 适用于单位代码为 GDGD 的员工"), flat);
        Assert.Contains(Flat("不属于上述任何插件的员工，仅执行法定规则，使用默认文书模板"), flat);
        Assert.DoesNotContain("模板冲突", run.Output);
        Assert.Contains("校验通过：2 个插件", run.Output);
    }

    [Theory]
    [InlineData("{ \"enterpriseCodes\": [\"GDGD\", \"GJZJ\"] }", "ganpower-supply：单位代码为 GDGD、GJZJ 的员工")]
    [InlineData(null, "ganpower-supply：全部员工（未声明 scope）")]
    public async Task Validate_fails_when_two_plugins_whose_scopes_overlap_replace_the_same_template(string? scope, string shown)
    {
        using var dir = new TempFolder();
        CopyFolder(Path.Combine(ShippedPlugins, "ganjiang-heavy"), dir.File("ganjiang-heavy"));
        CopyFolder(Path.Combine(ShippedPlugins, "ganpower-supply"), dir.File("ganpower-supply"));
        SetScope(dir.File("ganpower-supply"), scope);

        var run = await CliRun.Of(["plugins", "validate", "--plugins", dir.Path]);

        Assert.NotEqual(0, run.ExitCode);
        var flat = Flat(run.Output);
        Assert.Contains(Flat("模板冲突：岗位比照通知书（post_equivalence_notice）的 html 模板由插件 ganjiang-heavy、ganpower-supply 同时替换"), flat);
        Assert.Contains(Flat("（ganjiang-heavy 的 Templates/post_equivalence_notice.html.sbn；ganpower-supply 的 Templates/post_equivalence_notice.html.sbn）"), flat);
        Assert.Contains(Flat($"而它们适用的员工范围重叠（ganjiang-heavy：单位代码为 GJZJ 的员工；{shown}）"), flat);
        Assert.Contains("校验未通过", run.Output);
        Assert.DoesNotContain("校验通过", run.Output);
    }

    [Theory]
    [InlineData("{ \"column\": \"department\", \"values\": [\"变电运维中心\"] }", "plugin.json 字段 scope.column 无法识别：scope 只能含 enterpriseCodes（单位代码数组）")]
    [InlineData("{ \"enterpriseCodes\": [] }", "plugin.json 字段 scope.enterpriseCodes 缺少或为空")]
    [InlineData("{ \"enterpriseCodes\": [\"GDGD\", \"ＧＤＧＤ\"] }", "plugin.json 字段 scope.enterpriseCodes 单位代码 GDGD 重复")]
    [InlineData("{ \"enterpriseCodes\": [\"GDGD\", \"\"] }", "plugin.json 字段 scope.enterpriseCodes 含空的或不是文本的单位代码")]
    [InlineData("[\"GDGD\"]", "plugin.json 字段 scope 应为 {\"enterpriseCodes\": [\"单位代码\", …]}")]
    public async Task A_bad_scope_in_plugin_json_refuses_the_plugin_with_a_chinese_message(string scope, string expected)
    {
        using var dir = new TempFolder();
        var plugin = dir.File("ganpower-supply");
        CopyFolder(Path.Combine(ShippedPlugins, "ganpower-supply"), plugin);
        SetScope(plugin, scope);

        var validate = await CliRun.Of(["plugins", "validate", "--plugins", plugin]);
        var screen = await CliRun.Of(["screen", "--roster", RepoPaths.Sample("rosters/ganpower"), "--plugins", plugin, "--as-of", AsOf, "--out", dir.File("out")]);

        Assert.NotEqual(0, validate.ExitCode);
        Assert.Contains(Flat("插件 ganpower-supply 未加载：" + expected), Flat(validate.Output));
        Assert.NotEqual(0, screen.ExitCode);
        Assert.Contains(Flat("插件 ganpower-supply 未加载：" + expected), Flat(screen.Output));
    }

    [Fact]
    public async Task The_group_roster_is_the_two_firms_rosters_one_after_the_other()
    {
        // samples/rosters/group/README.md: every file is the 赣江重机 file's rows, then the 赣电 file's (one header).
        var group = RepoPaths.Sample("rosters/group");
        var files = Directory.GetFiles(group, "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var expected = Directory.GetFiles(RepoPaths.Sample("rosters/ganjiang-heavy"), "*.csv")
            .Concat(Directory.GetFiles(RepoPaths.Sample("rosters/ganpower"), "*.csv"))
            .Select(Path.GetFileName).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, files);
        foreach (var file in files)
        {
            var parts = new[] { "ganjiang-heavy", "ganpower" }
                .Select(f => Path.Combine(RepoPaths.Sample("rosters/" + f), file!))
                .Where(File.Exists)
                .Select(File.ReadAllLines)
                .ToList();
            var joined = parts[0].Concat(parts.Skip(1).SelectMany(p => p.Skip(1))).ToList();
            Assert.Equal(joined, File.ReadAllLines(Path.Combine(group, file!)));
        }
    }

    private static async Task<string> Screen(string roster, string plugins, string config, string outDir, bool sample = true) =>
        await CliRun.Ok(
        [
            "screen", "--roster", sample ? RepoPaths.Sample(roster) : roster, "--plugins", plugins, "--config", RepoPaths.Sample(config),
            "--as-of", AsOf, "--out", outDir,
        ]);

    private static async Task Notices(string roster, string plugins, string config, string kind, string outDir) =>
        await CliRun.Ok(
        [
            "notices", "--roster", RepoPaths.Sample(roster), "--plugins", plugins, "--config", RepoPaths.Sample(config),
            "--kind", kind, "--as-of", AsOf, "--issued-on", "2027-01-15", "--out", outDir,
        ]);

    // Per employee, the text of its document of the kind (per-document files are <kind>_<sequence>_<工号>.html).
    private static Dictionary<string, string> Documents(string folder, string kind) =>
        Directory.GetFiles(folder, $"{kind}_*.html")
            .Where(f => !f.EndsWith("_batch.html", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f)[(Path.GetFileNameWithoutExtension(f).LastIndexOf('_') + 1)..], File.ReadAllText, StringComparer.Ordinal);

    private static string Header(string folder, string file) => File.ReadLines(Path.Combine(folder, file)).First();

    private static IEnumerable<string> Rows(string folder, string file) => File.ReadLines(Path.Combine(folder, file)).Skip(1);

    // decisions.json writes one decision per line, each starting with its employee_id.
    private static IEnumerable<string> DecisionLines(string folder) =>
        File.ReadLines(Path.Combine(folder, "decisions.json"))
            .Where(l => l.TrimStart().StartsWith("{\"employee_id\"", StringComparison.Ordinal))
            .Select(l => l.Trim().TrimEnd(','));

    private static void SetScope(string plugin, string? scope)
    {
        var manifest = Path.Combine(plugin, "plugin.json");
        var lines = File.ReadAllLines(manifest).Where(l => !l.TrimStart().StartsWith("\"scope\"", StringComparison.Ordinal)).ToList();
        if (scope is not null)
        {
            lines.Insert(1, $"  \"scope\": {scope},");
        }

        File.WriteAllLines(manifest, lines);
    }
}
