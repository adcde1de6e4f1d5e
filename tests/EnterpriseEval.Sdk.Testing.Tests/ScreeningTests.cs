using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;
using EnterpriseEval.Sdk.Testing.Tests.Support;

namespace EnterpriseEval.Sdk.Testing.Tests;

public sealed class ScreeningTests
{
    private static EmployeeBuilder SeniorWorker(string id) => EmployeeBuilder.Create(id)
        .InSkillPost("车工")
        .WithCertificate(SkillLevel.SeniorWorker, "车工", new DateOnly(2015, 1, 1))
        .WithAssessments(AssessmentResult.Qualified, 2023, 2024, 2025)
        .Applying(ScreeningPath.SkillToTitle, TitleLevel.Assistant);

    private static PluginTestHost Host(IReadOnlyDictionary<string, string?>? configuration = null) =>
        PluginTestHost.For<SamplePlugin>(KitPlugins.Folder(KitPlugins.Id), configuration);

    [Fact]
    public void A_met_criterion_keeps_a_statutory_eligible_decision_eligible()
    {
        using var host = Host();

        host.Screen([SeniorWorker("E1").Build()], KitPlugins.AsOf)
            .For("E1", ScreeningPath.SkillToTitle)
            .ShouldBe(Outcome.Eligible)
            .ShouldHaveFinding(KitPlugins.CriterionId, FindingKind.Met, "近3年未发生安全事故");
    }

    [Fact]
    public void A_failed_criterion_makes_the_decision_not_eligible_citing_the_firms_regulation()
    {
        using var host = Host();
        var employee = SeniorWorker("E1").WithExtraRow("safety_incidents", ("year", "2025")).Build();

        var decision = host.Screen([employee], KitPlugins.AsOf).For("E1", ScreeningPath.SkillToTitle);

        decision.ShouldBe(Outcome.NotEligible).ShouldHaveFinding(KitPlugins.CriterionId, FindingKind.Failed, KitPlugins.Citation);
    }

    [Fact]
    public void A_statutory_failure_stays_a_failure_whatever_the_criterion_says()
    {
        using var host = Host();
        var employee = SeniorWorker("E1").WithAssessments(AssessmentResult.Unqualified, 2024).Build();

        host.Screen([employee], KitPlugins.AsOf)
            .For("E1", ScreeningPath.SkillToTitle)
            .ShouldBe(Outcome.NotEligible)
            .ShouldHaveFinding(KitPlugins.CriterionId, FindingKind.Met);
    }

    [Fact]
    public void Options_are_bound_from_the_plugins_configuration_section()
    {
        using var host = Host(new Dictionary<string, string?> { ["Plugins:kit-sample:IncidentYears"] = "1" });
        var employee = SeniorWorker("E1").WithExtraRow("safety_incidents", ("year", "2025")).Build();

        host.Screen([employee], KitPlugins.AsOf)
            .For("E1", ScreeningPath.SkillToTitle)
            .ShouldBe(Outcome.Eligible)
            .ShouldHaveFinding(KitPlugins.CriterionId, FindingKind.Met, "近1年");
    }

    [Fact]
    public void The_runtimes_guardrails_apply_a_forged_finding_and_a_throwing_criterion_go_to_review()
    {
        using var host = PluginTestHost.For<ForgingPlugin>(KitPlugins.Folder("kit-forging"));
        var employee = SeniorWorker("E1").Applying(ScreeningPath.SkillPromotion, SkillLevel.Technician).Build();

        var run = host.Screen([employee], KitPlugins.AsOf);

        run.For("E1", ScreeningPath.SkillToTitle).ShouldBe(Outcome.NeedsReview).ShouldHaveFinding("PLUGIN", FindingKind.NeedsReview, "不属于本条件");
        run.For("E1", ScreeningPath.SkillPromotion).ShouldHaveFinding("PLUGIN", FindingKind.NeedsReview, "boom");
        Assert.StartsWith("kit-forging@1.2.0#", run.PluginProvenance, StringComparison.Ordinal);
    }

    // docs/rules.md "Which decisions are made": when the roster has applications, 「every application row is screened
    // on its own path and target, and nothing else」 — the kit screens the employees given as one roster, as eeval does.
    [Fact]
    public void Employees_screened_together_are_one_roster_when_one_applies_the_others_get_no_decision()
    {
        using var host = Host();
        var notApplying = EmployeeBuilder.Create("E2")
            .InSkillPost("车工")
            .WithCertificate(SkillLevel.SeniorWorker, "车工", new DateOnly(2015, 1, 1))
            .WithAssessments(AssessmentResult.Qualified, 2023, 2024, 2025);

        var together = host.Screen([SeniorWorker("E1").Build(), notApplying.Build()], KitPlugins.AsOf);
        var alone = host.Screen([notApplying.Build()], KitPlugins.AsOf);

        Assert.Single(together.DecisionsFor("E1"));
        Assert.Empty(together.DecisionsFor("E2"));
        Assert.NotEmpty(alone.DecisionsFor("E2"));
    }

    [Fact]
    public void For_fails_clearly_when_the_employee_has_no_decision_on_the_path()
    {
        using var host = Host();
        var run = host.Screen([SeniorWorker("E1").Build()], KitPlugins.AsOf);

        var e = Assert.Throws<PluginAssertionException>(() => run.For("E1", ScreeningPath.GreenChannel));

        Assert.Contains("没有筛查结论", e.Message, StringComparison.Ordinal);
        Assert.Contains("skill_to_title", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_passes_a_sound_plugin_and_reports_a_throwing_criterion()
    {
        using var sound = Host();
        sound.Validate();

        using var forging = PluginTestHost.For<ForgingPlugin>(KitPlugins.Folder("kit-forging"));
        var e = Assert.Throws<PluginAssertionException>(forging.Validate);
        Assert.Contains("KIT-FORGE", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_naming_another_entry_type_fails_as_the_host_would()
    {
        var e = Assert.Throws<PluginAssertionException>(() => PluginTestHost.For<SamplePlugin>(KitPlugins.Folder("kit-wrong-entry")));

        Assert.Contains("entryType", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_manifest_fails_with_the_hosts_message()
    {
        var e = Assert.Throws<PluginAssertionException>(() => PluginTestHost.For<SamplePlugin>(Path.GetTempPath()));

        Assert.Contains("缺少清单文件 plugin.json", e.Message, StringComparison.Ordinal);
    }
}
