using System.Diagnostics;
using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Engine.Screening;
using EnterpriseEval.Engine.Tests.Support;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Engine.Tests.Plugins;

public sealed class CriteriaStageTests
{
    private static readonly EmployeeRecord Eligible = Employees.SeniorWorker("OK", new DateOnly(2020, 1, 1));
    private static readonly EmployeeRecord TooEarly = Employees.SeniorWorker("EARLY", new DateOnly(2026, 1, 1));

    [Fact]
    public void A_plugin_that_tries_to_loosen_a_statutory_rule_cannot_change_the_statutory_outcome()
    {
        using var folders = new FixturePlugins();
        folders.Add("loosen", FixturePlugins.Misbehaving, "Fixture.Misbehaving.LooseningPlugin");
        using var plugins = PluginRun.Catalog().Load(folders.Directory);

        var result = PluginRun.Screen(plugins, [Eligible, TooEarly], Employees.AsOf);

        var early = result.Decisions.Single(d => d.EmployeeId == "EARLY" && d.Path == ScreeningPath.SkillToTitle);
        Assert.Equal(Outcome.NotEligible, early.Outcome);
        Assert.Equal(new DateOnly(2028, 1, 1), early.EarliestEligibleOn);
        Assert.DoesNotContain(early.Findings, f => f.RuleId == "R1" && f.Kind == FindingKind.Met);
        Assert.Contains(early.Findings, f => f.RuleId == "PLUGIN" && f.Message.Contains("返回了不属于本条件的结论（R1）"));
        var ok = result.Decisions.Single(d => d.EmployeeId == "OK" && d.Path == ScreeningPath.SkillToTitle);
        Assert.Equal(Outcome.Eligible, ok.Outcome);
        Assert.Contains(ok.Findings, f => f.RuleId == "LOOSEN" && f.Clause == "测试插件第2条");
    }

    [Fact]
    public void The_stage_concludes_the_rules_fresh_decisions_in_place_as_it_would_copies_and_never_changes_decisions_it_is_shown()
    {
        // The screening pass hands the rules' fresh decisions to ApplyToFresh, which concludes them in place; Apply (for
        // decisions someone else keeps) copies. Both must conclude alike: a plug-in's finding added, the authorisation's
        // out-of-scope finding, R12 dropped with it, the provenance stamped.
        using var folders = new FixturePlugins();
        folders.Add("loosen", FixturePlugins.Misbehaving, "Fixture.Misbehaving.LooseningPlugin", authorisation: FixturePlugins.Authorisation("intermediate"));
        using var plugins = PluginRun.Catalog(hostAuthorisation: "intermediate").Load(folders.Directory);
        var rules = StatutoryRuleSet.Create(PolicyOptions.ProjectDefaults());
        var stage = new CriteriaStage(plugins, new GuardedScheduler(1, 15_000) { Budget = new PluginBudget(600) });
        var slot = new WorkerSlot();
        var concludedAny = 0;
        foreach (var record in new[] { Eligible, TooEarly, Employees.SeniorTechnician("ST") })
        {
            var shown = rules.Screen(record, Employees.AsOf);
            var asMade = shown.Select(d => d with { }).ToList();
            var copies = stage.Apply(record, shown, Employees.AsOf, slot);

            // Apply leaves what it was shown exactly as the rules made it (same findings array, outcome, no provenance).
            Assert.Equal(asMade, shown);
            Assert.All(shown, d => Assert.Equal("", d.PluginProvenance));

            var fresh = rules.Screen(record, Employees.AsOf);
            var concluded = stage.ApplyToFresh(record, fresh, Employees.AsOf, slot);
            Assert.Same(fresh, concluded);
            Assert.Equal(copies.Count, concluded.Count);
            for (var i = 0; i < copies.Count; i++)
            {
                Assert.Equal(copies[i] with { Findings = [] }, concluded[i] with { Findings = [] });
                Assert.Equal(copies[i].Findings, concluded[i].Findings);
                Assert.StartsWith("loosen@", concluded[i].PluginProvenance, StringComparison.Ordinal);
                concludedAny += concluded[i].Findings.Count(f => f.RuleId is "LOOSEN" or "AUTH");
            }
        }

        // The plug-in's criterion and the authorisation did add findings: the comparison covered changed decisions.
        Assert.True(concludedAny > 0);
    }

    [Fact]
    public void A_criterion_is_asked_AppliesTo_once_a_path_and_reads_the_target_and_the_statutory_findings()
    {
        using var folders = new FixturePlugins();
        folders.Add("observe", FixturePlugins.Misbehaving, "Fixture.Misbehaving.ObservingPlugin");
        using var plugins = PluginRun.Catalog().Load(folders.Directory);
        var records = Enumerable.Range(1, 30).Select(i => Employees.SeniorWorker($"E{i:00}", new DateOnly(2020, 1, 1))).ToList();

        var result = PluginRun.Screen(plugins, records, Employees.AsOf);

        var titleDecisions = result.Decisions.Where(d => d.Path == ScreeningPath.SkillToTitle).ToList();
        Assert.Equal(30, titleDecisions.Count);
        Assert.All(titleDecisions, d =>
        {
            var observed = Assert.Single(d.Findings, f => f.RuleId == "OBSERVE");
            var statutory = string.Join("，", d.Findings.Where(f => f.RuleId != "OBSERVE").Select(f => $"{f.RuleId}:{f.Kind}"));
            Assert.Equal($"询问1次；目标{d.TargetTitleLevel}={d.TargetTitleLevel}；读到{statutory}（测试插件第20条）", observed.Message);
        });
    }

    [Fact]
    public void A_plugin_cannot_fail_a_skill_to_title_candidate_on_education()
    {
        using var folders = new FixturePlugins();
        folders.Add("edu", FixturePlugins.Misbehaving, "Fixture.Misbehaving.EducationPlugin");
        using var plugins = PluginRun.Catalog().Load(folders.Directory);
        var juniorSchool = Employees.SeniorWorker("JS", new DateOnly(2020, 1, 1), education: "初中");

        var result = PluginRun.Screen(plugins, [juniorSchool], Employees.AsOf);

        var decision = result.Decisions.Single(d => d.Path == ScreeningPath.SkillToTitle);
        Assert.Equal(Outcome.Eligible, decision.Outcome);
        Assert.Contains(decision.Findings, f => f.RuleId == "R5" && f.Message.Contains("插件 edu 的条件 EDU 涉及学历"));
        Assert.DoesNotContain(decision.Findings, f => f.RuleId == "SNEAKY");
    }

    [Fact]
    public void A_criterion_that_throws_turns_the_decision_into_needs_review_naming_the_plugin_and_the_error()
    {
        using var folders = new FixturePlugins();
        folders.Add("thrower", FixturePlugins.Misbehaving, "Fixture.Misbehaving.ThrowingPlugin");
        using var plugins = PluginRun.Catalog().Load(folders.Directory);

        var result = PluginRun.Screen(plugins, [Eligible], Employees.AsOf);

        var decision = result.Decisions.Single(d => d.Path == ScreeningPath.SkillToTitle);
        Assert.True(decision.Outcome == Outcome.NeedsReview, string.Join("\n", decision.Findings.Select(f => f.Message)));
        Assert.Contains(decision.Findings, f => f.Kind == FindingKind.NeedsReview
            && f.Message == "插件 thrower 的条件 THROW 运行出错（InvalidOperationException: 数据源不可用），请人工复核（测试插件第5条）");
    }

    [Fact]
    public void A_hanging_criterion_is_stopped_by_the_time_limit_and_the_run_goes_on()
    {
        using var folders = new FixturePlugins();
        folders.Add("hanger", FixturePlugins.Misbehaving, "Fixture.Misbehaving.HangingPlugin");
        using var plugins = PluginRun.Catalog().Load(folders.Directory);
        var records = Enumerable.Range(1, 50).Select(i => Employees.SeniorWorker($"E{i:00}", new DateOnly(2020, 1, 1))).ToList();

        var watch = Stopwatch.StartNew();
        var result = PluginRun.Screen(plugins, records, Employees.AsOf, timeoutMs: 200);
        watch.Stop();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        var titleDecisions = result.Decisions.Where(d => d.Path == ScreeningPath.SkillToTitle).ToList();
        Assert.Equal(50, titleDecisions.Count);
        Assert.All(titleDecisions, d => Assert.Equal(Outcome.NeedsReview, d.Outcome));
        Assert.True(
            titleDecisions.Any(d => d.Findings.Any(f => f.Message.Contains("插件 hanger 的条件 HANG 运行超时"))),
            string.Join("\n", titleDecisions[0].Findings.Select(f => f.Message)));
        Assert.Equal(records.Select(r => r.Employee.EmployeeId), result.DecisionsByEmployee.Select(d => d[0].EmployeeId));
    }

    [Fact]
    public void A_target_above_the_authorised_level_is_out_of_scope_and_a_target_within_it_is_not()
    {
        using var folders = new FixturePlugins();
        folders.Add("auth", FixturePlugins.OldJson, "Fixture.OldJson.OldJsonPlugin", authorisation: FixturePlugins.Authorisation("intermediate"));

        // The host is configured with the same authorisation the manifest declares (docs/plugins.md, "Review authorisation").
        using var plugins = PluginRun.Catalog(hostAuthorisation: "intermediate").Load(folders.Directory);

        var result = PluginRun.Screen(plugins, [Employees.SeniorTechnician("ST"), Eligible], Employees.AsOf);

        var associate = result.Decisions.Single(d => d.EmployeeId == "ST" && d.TargetTitleLevel == TitleLevel.AssociateSenior);
        Assert.Equal(Outcome.OutOfScope, associate.Outcome);
        Assert.Contains(associate.Findings, f => f.RuleId == "AUTH" && f.Message.Contains("最高至中级，副高级须报送上级评审委员会"));
        var assistant = result.Decisions.Single(d => d.EmployeeId == "OK" && d.TargetTitleLevel == TitleLevel.Assistant);
        Assert.Equal(Outcome.Eligible, assistant.Outcome);
    }

    [Fact]
    public void Every_title_target_is_out_of_scope_after_the_authorisation_expires_but_a_refusal_stays_a_refusal()
    {
        using var folders = new FixturePlugins();
        folders.Add("auth", FixturePlugins.OldJson, "Fixture.OldJson.OldJsonPlugin",
            authorisation: FixturePlugins.Authorisation("senior", validUntil: "2026-06-30"));

        // The host's authorisation runs to 2027; the manifest narrows it to mid-2026, and a narrowing holds.
        using var plugins = PluginRun.Catalog(hostAuthorisation: "senior").Load(folders.Directory);

        var result = PluginRun.Screen(plugins, [Eligible, TooEarly], Employees.AsOf);

        var ok = result.Decisions.Single(d => d.EmployeeId == "OK" && d.Path == ScreeningPath.SkillToTitle);
        Assert.Equal(Outcome.OutOfScope, ok.Outcome);
        Assert.Contains(ok.Findings, f => f.Message.Contains("截止日期不在有效期内"));
        var early = result.Decisions.Single(d => d.EmployeeId == "EARLY" && d.Path == ScreeningPath.SkillToTitle);
        Assert.Equal(Outcome.NotEligible, early.Outcome);
    }

    [Fact]
    public void Two_plugins_loaded_together_each_add_their_criteria()
    {
        using var folders = new FixturePlugins();
        folders.Add("a-json", FixturePlugins.Misbehaving, "Fixture.Misbehaving.JsonPlugin");
        folders.Add("b-thrower", FixturePlugins.Misbehaving, "Fixture.Misbehaving.ThrowingPlugin");
        using var plugins = PluginRun.Catalog().Load(folders.Directory);

        var result = PluginRun.Screen(plugins, [Eligible], Employees.AsOf);

        var decision = result.Decisions.Single(d => d.Path == ScreeningPath.SkillToTitle);
        Assert.Contains(decision.Findings, f => f.RuleId == "NEWJSON");
        Assert.Contains(decision.Findings, f => f.RuleId == "PLUGIN" && f.Message.Contains("THROW"));
        Assert.Equal(Outcome.NeedsReview, decision.Outcome);
    }
}
