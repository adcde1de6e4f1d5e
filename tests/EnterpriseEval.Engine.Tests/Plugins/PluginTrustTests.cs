using EnterpriseEval.Engine.Tests.Support;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Engine.Tests.Plugins;

/// <summary>
/// docs/plugins.md, "The statutory floor": the host, not the plug-in's good faith, keeps a statutory refusal a refusal
/// and keeps the law's ids and clauses the law's.
/// </summary>
public sealed class PluginTrustTests
{
    private static readonly EmployeeRecord TooEarly = Employees.SeniorWorker("EARLY", new DateOnly(2026, 1, 1));
    private static readonly EmployeeRecord Eligible = Employees.SeniorWorker("OK", new DateOnly(2020, 1, 1));

    [Fact]
    public void A_criterion_that_rewrites_statutory_findings_by_reflection_cannot_loosen_the_decision_and_is_named()
    {
        using var folders = new FixturePlugins();
        folders.Add("reflect", FixturePlugins.Misbehaving, "Fixture.Misbehaving.ReflectionPlugin");
        using var plugins = PluginRun.Catalog().Load(folders.Directory);
        var statutory = PluginRun.Screen(Empty(), [TooEarly], Employees.AsOf).Decisions.Single(d => d.Path == ScreeningPath.SkillToTitle);

        var decision = PluginRun.Screen(plugins, [TooEarly], Employees.AsOf).Decisions.Single(d => d.Path == ScreeningPath.SkillToTitle);

        Assert.Equal(Outcome.NotEligible, statutory.Outcome);
        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Equal(statutory.EarliestEligibleOn, decision.EarliestEligibleOn);
        Assert.Contains(decision.Findings, f => f.RuleId == "R1" && f.Kind == FindingKind.Failed);
        Assert.Contains(decision.Findings, f => f.RuleId == "PLUGIN" && f.Kind == FindingKind.NeedsReview
            && f.Message.Contains("插件 reflect 在运行中改动了法定审查结论", StringComparison.Ordinal));
    }

    [Fact]
    public void An_eligible_decision_whose_findings_a_plugin_rewrote_goes_to_review_naming_it()
    {
        using var folders = new FixturePlugins();
        folders.Add("reflect", FixturePlugins.Misbehaving, "Fixture.Misbehaving.ReflectionPlugin");
        using var plugins = PluginRun.Catalog().Load(folders.Directory);

        var decision = PluginRun.Screen(plugins, [Eligible], Employees.AsOf).Decisions.Single(d => d.Path == ScreeningPath.SkillToTitle);

        // R12 (an Info finding) was rewritten to Met as well: nothing to restore in the outcome, but the plug-in is named.
        Assert.Equal(Outcome.NeedsReview, decision.Outcome);
        Assert.DoesNotContain(decision.Findings, f => f.RuleId == "R12");
    }

    [Fact]
    public void What_a_plugin_does_to_the_findings_it_is_shown_never_reaches_another_decision()
    {
        using var folders = new FixturePlugins();
        folders.Add("reflect", FixturePlugins.Misbehaving, "Fixture.Misbehaving.ReflectionPlugin");
        using (var plugins = PluginRun.Catalog().Load(folders.Directory))
        {
            PluginRun.Screen(plugins, [Eligible, TooEarly, Eligible], Employees.AsOf);
        }

        // The constant sentences (R12, the frontline finding …) are one instance each for every decision: had the plug-in
        // been handed them, the statutory run below would now read them rewritten.
        var after = PluginRun.Screen(Empty(), [TooEarly, Eligible], Employees.AsOf).Decisions.Where(d => d.Path == ScreeningPath.SkillToTitle).ToList();

        Assert.Equal([Outcome.NotEligible, Outcome.Eligible], after.Select(d => d.Outcome));
        Assert.Contains(after[1].Findings, f => f.RuleId == "R12" && f.Kind == FindingKind.Info);
        Assert.Contains(after[0].Findings, f => f.RuleId == "R1" && f.Kind == FindingKind.Failed);
    }

    [Theory]
    [InlineData("Fixture.Misbehaving.ForgingPlugin", "条件编号“R4”是法定规则或系统保留的编号")]
    [InlineData("Fixture.Misbehaving.ForgedClausePlugin", "引用的“96/2.2.1”是法定条款编号")]
    [InlineData("Fixture.Misbehaving.ZeroYearsPlugin", "SetCumulativeWorkYears（车工，技师）设为0年，低于本单位配置的3年")]
    public void A_plugin_that_takes_a_statutory_id_or_clause_or_goes_below_the_configured_years_is_refused_at_load(string entry, string reason)
    {
        using var folders = new FixturePlugins();
        folders.Add("forger", FixturePlugins.Misbehaving, entry);

        using var plugins = PluginRun.Catalog().Load(folders.Directory);

        Assert.Empty(plugins.Loaded);
        var refusal = Assert.Single(plugins.Refused);
        Assert.Contains("插件 forger 未加载", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(reason, refusal.Message, StringComparison.Ordinal);
    }

    // A bad extra-table declaration refuses the plug-in at load, naming the table and what is wrong (docs/plugins.md).
    [Theory]
    [InlineData("Fixture.Misbehaving.DuplicateColumnTablePlugin", "额外数据表 trainings（培训记录）的声明有误：列 hours（学时数）重复")]
    [InlineData("Fixture.Misbehaving.EmptyNameTablePlugin", "额外数据表 （无名表）的声明有误：文件名为空")]
    [InlineData("Fixture.Misbehaving.EmptyCodeListTablePlugin", "额外数据表 grades（等级记录）的声明有误：代码列 grade（等级）没有列出任何取值")]
    [InlineData("Fixture.Misbehaving.RosterNameTablePlugin", "文件名 Honours.csv 是花名册本身的文件")]
    public void A_plugin_with_a_bad_extra_table_declaration_is_refused_at_load_naming_it(string entry, string reason)
    {
        using var folders = new FixturePlugins();
        folders.Add("tables", FixturePlugins.Misbehaving, entry);

        using var plugins = PluginRun.Catalog().Load(folders.Directory);

        Assert.Empty(plugins.Loaded);
        var refusal = Assert.Single(plugins.Refused);
        Assert.Contains("插件 tables 未加载", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(reason, refusal.Message, StringComparison.Ordinal);
    }

    // Issue 17: plugins.lock hashes the DLLs inside each plug-in folder, so a manifest pointing outside walked around it.
    [Theory]
    [InlineData("../outside/Fixture.Misbehaving.dll")]
    [InlineData("link/Fixture.Misbehaving.dll")]
    [InlineData("ABSOLUTE")]
    public void A_manifest_cannot_load_an_assembly_from_outside_its_folder(string assembly)
    {
        using var folders = new FixturePlugins();
        var plugin = folders.Add("walker", FixturePlugins.Misbehaving, "Fixture.Misbehaving.LooseningPlugin");
        var outside = Directory.CreateDirectory(Path.Combine(folders.Directory, "..", Path.GetFileName(folders.Directory) + "-outside", "outside")).FullName;
        try
        {
            File.Move(Path.Combine(plugin, "Fixture.Misbehaving.dll"), Path.Combine(outside, "Fixture.Misbehaving.dll"));
            Directory.CreateSymbolicLink(Path.Combine(plugin, "link"), outside);
            var target = assembly switch
            {
                "ABSOLUTE" => Path.Combine(outside, "Fixture.Misbehaving.dll"),
                "link/Fixture.Misbehaving.dll" => assembly,
                _ => Path.GetRelativePath(plugin, Path.Combine(outside, "Fixture.Misbehaving.dll")),
            };
            var manifest = Path.Combine(plugin, "plugin.json");
            File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"Fixture.Misbehaving.dll\"", System.Text.Json.JsonSerializer.Serialize(target), StringComparison.Ordinal));

            using var plugins = PluginRun.Catalog().Load(folders.Directory);

            Assert.Empty(plugins.Loaded);
            Assert.Contains("不在插件自己的文件夹内", Assert.Single(plugins.Refused).Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(outside)!, recursive: true);
        }
    }

    // Issue 17: a plug-in whose manifest claimed authorisation up to 正高级, placed beside the real one (up to 中级), turned
    // out_of_scope targets into in-house eligible ones: authorisations were united.
    [Fact]
    public void A_wider_authorisation_claimed_beside_the_real_one_does_not_widen_the_scope()
    {
        using var folders = new FixturePlugins();
        folders.Add("real", FixturePlugins.OldJson, "Fixture.OldJson.OldJsonPlugin", authorisation: FixturePlugins.Authorisation("intermediate"));
        folders.Add("claims", FixturePlugins.Misbehaving, "Fixture.Misbehaving.JsonPlugin", authorisation: FixturePlugins.Authorisation("senior"));

        // The real authorisation is the host's (docs/plugins.md, "Review authorisation").
        using var plugins = PluginRun.Catalog(hostAuthorisation: "intermediate").Load(folders.Directory);

        var result = PluginRun.Screen(plugins, [Employees.SeniorTechnician("ST"), Eligible], Employees.AsOf);

        Assert.Equal(2, plugins.Authorisations.Count);
        var associate = result.Decisions.Single(d => d.EmployeeId == "ST" && d.TargetTitleLevel == TitleLevel.AssociateSenior);
        Assert.Equal(Outcome.OutOfScope, associate.Outcome);
        Assert.Equal(Outcome.Eligible, result.Decisions.Single(d => d.EmployeeId == "OK" && d.TargetTitleLevel == TitleLevel.Assistant).Outcome);
    }

    // Issue 17: AppliesTo throwing failed the whole run with 「内部错误」 and no plug-in named; hanging, it never finished.
    [Theory]
    [InlineData("Fixture.Misbehaving.ThrowingAppliesToPlugin", "插件 applies 的条件 APPLIES 的 AppliesTo 运行出错（InvalidOperationException: 配置缺失）")]
    [InlineData("Fixture.Misbehaving.HangingAppliesToPlugin", "插件 applies 的条件 APPLIESHANG 运行超时，本次筛查中已停用")]
    public void A_criterion_whose_AppliesTo_throws_or_hangs_sends_the_decision_to_review_naming_it(string entry, string named)
    {
        using var folders = new FixturePlugins();
        folders.Add("applies", FixturePlugins.Misbehaving, entry);
        using var plugins = PluginRun.Catalog().Load(folders.Directory);
        var records = Enumerable.Range(1, 20).Select(i => Employees.SeniorWorker($"E{i:00}", new DateOnly(2020, 1, 1))).ToList();

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = PluginRun.Screen(plugins, records, Employees.AsOf, timeoutMs: 300);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        var decisions = result.Decisions.Where(d => d.Path == ScreeningPath.SkillToTitle).ToList();
        Assert.Equal(20, decisions.Count);
        Assert.All(decisions, d => Assert.Equal(Outcome.NeedsReview, d.Outcome));
        Assert.Contains(decisions, d => d.Findings.Any(f => f.RuleId == "PLUGIN" && f.Message.Contains(named, StringComparison.Ordinal)));
    }

    // Issue 18: a plug-in exception quoting the 身份证号 was copied into the reasons whole (docs/security.md, "Privacy").
    [Fact]
    public void A_plugin_exception_that_quotes_the_identity_number_reaches_the_reasons_masked()
    {
        using var folders = new FixturePlugins();
        folders.Add("leak", FixturePlugins.Misbehaving, "Fixture.Misbehaving.LeakingPlugin");
        using var plugins = PluginRun.Catalog().Load(folders.Directory);
        var person = Eligible with { Employee = Eligible.Employee with { IdNumber = "36010219800517089X" } };

        var decision = PluginRun.Screen(plugins, [person], Employees.AsOf).Decisions.Single(d => d.Path == ScreeningPath.SkillToTitle);

        var review = Assert.Single(decision.Findings, f => f.RuleId == "PLUGIN");
        Assert.Contains("查询 360102********089X 的档案失败", review.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("36010219800517089X", string.Join("", decision.Findings.Select(f => f.Message)), StringComparison.Ordinal);
    }

    private static Engine.Plugins.PluginSet Empty() => Engine.Plugins.PluginSet.Empty;
}
