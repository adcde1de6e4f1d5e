using EnterpriseEval.Host.Tests.Support;
using EnterpriseEval.Engine.Tests.Support;
using static EnterpriseEval.Host.Tests.Support.TestFiles;

namespace EnterpriseEval.Host.Tests.Commands;

public sealed class PluginsCommandTests
{
    private static readonly string ShippedPlugins = Path.Combine(RepoPaths.Root, "artifacts", "plugins");

    // Each shipped plug-in alone (together: GroupScopeTests).
    [Theory]
    [InlineData("ganjiang-heavy")]
    [InlineData("ganpower-supply")]
    public async Task Validate_passes_on_each_shipped_plugin_alone(string id)
    {
        var run = await CliRun.Of(["plugins", "validate", "--plugins", Path.Combine(ShippedPlugins, id)]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains(id, run.Output);
        Assert.Contains("校验通过：1 个插件", run.Output);
    }

    // Together they replace the same templates but govern disjoint employees (their scopes): GroupScopeTests checks that
    // validate passes on both, and fails when the scopes overlap.

    [Fact]
    public async Task Validate_fails_on_a_template_with_a_misspelt_variable_naming_file_line_and_column()
    {
        using var dir = new TempFolder();
        var plugin = dir.File("ganjiang-heavy");
        CopyFolder(Path.Combine(ShippedPlugins, "ganjiang-heavy"), plugin);
        var template = Path.Combine(plugin, "Templates", "post_equivalence_notice.html.sbn");
        var lines = File.ReadAllLines(template);
        var line = Array.FindIndex(lines, l => l.Contains("{{ employee.department }}", StringComparison.Ordinal));
        Assert.True(line >= 0, "the shipped template no longer shows employee.department");
        lines[line] = lines[line].Replace("{{ employee.department }}", "{{ employee.departmnet }}", StringComparison.Ordinal);
        File.WriteAllLines(template, lines);

        var run = await CliRun.Of(["plugins", "validate", "--plugins", plugin]);

        Assert.NotEqual(0, run.ExitCode);
        var flat = Flat(run.Output);
        // 插件 ganjiang-heavy：<file> 第<line>行第<column>列：… departmnet …
        Assert.Matches(System.Text.RegularExpressions.Regex.Escape(Flat($"插件 ganjiang-heavy：{template} 第{line + 1}行第")) + "[0-9]+列：[^：]*departmnet", flat);
        Assert.Contains("校验未通过", run.Output);
        Assert.DoesNotContain("校验通过", run.Output);
    }

    [Fact]
    public async Task Validate_fails_on_a_template_with_a_syntax_error()
    {
        using var dir = new TempFolder();
        var plugin = dir.File("ganpower-supply");
        CopyFolder(Path.Combine(ShippedPlugins, "ganpower-supply"), plugin);
        var template = Path.Combine(plugin, "Templates", "wage_notice.html.sbn");
        File.AppendAllText(template, "\n{{ if employee.name }}未闭合\n");

        var run = await CliRun.Of(["plugins", "validate", "--plugins", plugin]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(Flat($"插件 ganpower-supply：{template}"), Flat(run.Output));
        Assert.DoesNotContain("校验通过", run.Output);
    }

    [Theory]
    [InlineData("Fixture.Misbehaving.ThrowingConstructorPlugin", "1.1.0", "插件 broken 未加载：初始化失败：InvalidOperationException: 许可证文件缺失")]
    [InlineData("Fixture.Misbehaving.ThrowingConfigurePlugin", "1.1.0", "插件 broken 未加载：初始化失败：InvalidOperationException: 配置缺失")]
    [InlineData("Fixture.Misbehaving.NoSuchPlugin", "1.1.0", "插件 broken 未加载：程序集中找不到入口类型 Fixture.Misbehaving.NoSuchPlugin")]
    [InlineData("Fixture.Misbehaving.JsonPlugin", "2.0.0", "插件 broken 未加载：plugin.json 声明插件基于 SDK 2.0.0（sdkVersion），而插件 Fixture.Misbehaving.dll 实际基于 SDK 1.1.0 编译")]
    [InlineData("Fixture.Misbehaving.ThrowingPlugin", "1.1.0", "插件 broken：条件 THROW 在技能人才评职称样例上出错（InvalidOperationException: 数据源不可用）")]
    [InlineData("Fixture.Misbehaving.HangingPlugin", "1.1.0", "插件 broken：条件 HANG 在技能人才评职称样例上超过")]
    [InlineData("Fixture.Misbehaving.ThrowingPayTablesPlugin", "1.1.0", "插件 broken 的 IPayTables.WageItems 运行出错（InvalidOperationException: 薪酬表缺失）（未聘样例）")]
    public async Task Validate_fails_with_a_clear_message_on_a_broken_plugin(string entryType, string sdkVersion, string expected)
    {
        using var folders = new FixturePlugins();
        folders.Add("broken", FixturePlugins.Misbehaving, entryType, sdkVersion);

        // Only the hanging criterion should meet the limit: the others get a generous one, since a first exception
        // can be slow on a loaded CI machine.
        var limit = entryType.EndsWith("HangingPlugin", StringComparison.Ordinal) ? "1500" : "15000";
        var run = await CliRun.Of(["plugins", "validate", "--plugins", folders.Directory], b =>
            b.Configuration["EnterpriseEval:Plugins:CriterionTimeoutMilliseconds"] = limit);

        Assert.NotEqual(0, run.ExitCode);
        Assert.True(Flat(run.Output).Contains(Flat(expected), StringComparison.Ordinal), run.Output);
        Assert.Contains("校验未通过", run.Output);
    }

    [Fact]
    public async Task Validate_refuses_a_plugin_built_against_newer_extensions()
    {
        using var folders = new FixturePlugins();
        folders.Add("newer", FixturePlugins.NewerExtensions, "Fixture.NewerExtensions.NewerExtensionsPlugin");

        var run = await CliRun.Of(["plugins", "validate", "--plugins", folders.Directory]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(Flat("插件 newer 未加载：插件引用 Microsoft.Extensions.DependencyInjection.Abstractions 11.0.0.0"), Flat(run.Output));
    }

    [Fact]
    public async Task List_shows_each_plugins_authorisation_and_criteria()
    {
        var run = await CliRun.Of(["plugins", "list", "--plugins", ShippedPlugins]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("赣人社字〔2024〕56号", run.Output);
        Assert.Contains("GJ-SAFETY", run.Output);
        Assert.Contains("GP-SCORE", run.Output);
        // The templates each replaces (kind and format) and whether it has pay tables.
        Assert.Contains("模板 岗位比照通知书 post_equivalence_notice.html", run.Output);
        Assert.Contains("模板 薪酬调整通知书 wage_notice.md", run.Output);
        Assert.Contains("薪酬津贴标准：有", run.Output);
        // A cell's own line breaks (id above name, version above SDK) stay line breaks, not escaped text such as
        // \u000A (which the table would wrap across lines, so no backslash at all is looked for: nothing listed has one).
        Assert.DoesNotContain("\\", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_shows_each_plugins_extra_tables_with_their_columns()
    {
        var run = await CliRun.Of(["plugins", "list", "--plugins", Path.Combine(ShippedPlugins, "ganjiang-heavy")]);

        Assert.Equal(0, run.ExitCode);
        var flat = Flat(run.Output);
        Assert.Contains(Flat("插件 ganjiang-heavy 的额外数据表 apprentices.csv（带徒记录）：apprentice_id（徒弟工号，文本）"), flat);
        Assert.Contains(Flat("from（带徒开始日期，日期，必填）"), flat);
        Assert.Contains(Flat("额外数据表 safety_incidents.csv（安全事故记录）：date（日期，日期，必填），severity（事故等级，代码：一般/较大/重大/特别重大，必填）"), flat);
        Assert.Contains(Flat("额外数据表 continuing_education.csv（继续教育学时）：year（年度，整数，必填），hours（学时，数字，必填）"), flat);
    }

    // Acceptance (issue 14): a bad extra-table declaration fails validate, naming the plug-in and the declaration.
    [Fact]
    public async Task Validate_fails_on_a_bad_extra_table_declaration_naming_the_plugin_and_the_table()
    {
        using var folders = new FixturePlugins();
        folders.Add("tables", FixturePlugins.Misbehaving, "Fixture.Misbehaving.DuplicateColumnTablePlugin");

        var run = await CliRun.Of(["plugins", "validate", "--plugins", folders.Directory]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(Flat("插件 tables 未加载：额外数据表 trainings（培训记录）的声明有误：列 hours（学时数）重复"), Flat(run.Output));
        Assert.Contains("校验未通过", run.Output);
    }

    [Fact]
    public async Task Validate_with_a_sample_roster_fails_when_a_declared_file_lacks_a_required_column()
    {
        using var folders = new FixturePlugins();
        folders.Add("trainings", FixturePlugins.Misbehaving, "Fixture.Misbehaving.TrainingsTablePlugin");
        using var roster = new TempFolder();
        File.WriteAllLines(roster.File("employees.csv"), ["employee_id,name,hire_date,post_category,frontline", "E1,张三,2015-03-01,skill,yes"]);
        File.WriteAllLines(roster.File("trainings.csv"), ["employee_id,学时数", "E1,8"]);

        var run = await CliRun.Of(["plugins", "validate", "--plugins", folders.Directory, "--roster", roster.Path]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(Flat("插件 trainings：额外数据表 trainings（培训记录）与样例花名册不符：trainings.csv 缺少必需列 hours（学时）"), Flat(run.Output));

        // The same roster with the column: validate passes.
        File.WriteAllLines(roster.File("trainings.csv"), ["employee_id,学时", "E1,8"]);
        var fixedRun = await CliRun.Of(["plugins", "validate", "--plugins", folders.Directory, "--roster", roster.Path]);
        Assert.True(fixedRun.ExitCode == 0, fixedRun.Output);
    }

    [Fact]
    public async Task Screening_a_firms_roster_with_both_plugins_applies_only_the_firms_own_criteria_beside_the_statutory_ones()
    {
        using var outDir = new TempFolder();

        var run = await CliRun.Of(
        [
            "screen", "--roster", RepoPaths.Sample("rosters/ganjiang-heavy"), "--plugins", ShippedPlugins,
            "--config", RepoPaths.Sample("config/ganjiang-heavy.json"), "--as-of", "2026-12-31", "--out", outDir.Path,
        ]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("ganjiang-heavy 1.0.0", run.Output);
        var csv = File.ReadAllText(outDir.File("decisions.csv"));
        Assert.Contains("《赣江重机技能人才自主评价管理办法》", csv);
        Assert.Contains("（人社部发〔2020〕96号 二（二）1）", csv);
        Assert.Contains("ganjiang-heavy@1.0.0#", csv);

        // Issue 14: 赣电's plug-in governs 赣电's employees only (its scope, GDGD), so its achievement score no longer
        // fails 赣江重机's employees, and no decision names it.
        Assert.DoesNotContain("《赣电供电技能人才业绩评审量化积分细则》", csv);
        Assert.DoesNotContain("GP-SCORE", csv);
        Assert.DoesNotContain("ganpower-supply@", csv);
        var hm0012 = File.ReadLines(outDir.File("decisions.csv")).First(l => l.StartsWith("HM0012,", StringComparison.Ordinal));
        Assert.Contains(",not_eligible,", hm0012);
        Assert.Contains("GJ-CE", hm0012);
        Assert.Contains("T", File.ReadLines(outDir.File("equivalences.csv")).Skip(1).First());
    }

    [Fact]
    public async Task Without_plugins_only_the_statutory_rules_apply_and_no_plugin_is_recorded()
    {
        using var outDir = new TempFolder();

        var run = await CliRun.Of(["screen", "--roster", RepoPaths.Sample("rosters/ganjiang-heavy"), "--as-of", "2026-12-31", "--out", outDir.Path]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("插件：无（仅执行法定规则）", run.Output);
        var csv = File.ReadAllText(outDir.File("decisions.csv"));
        Assert.DoesNotContain("GJ-", csv);
        Assert.DoesNotContain("@1.0.0#", csv);
    }
}
