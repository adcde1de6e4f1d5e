using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Tests.Rules;

public sealed class GreenChannelRuleTests
{
    private static EmployeeRecordBuilder Expert(string awardedOn = "2022-05-01") =>
        new EmployeeRecordBuilder().Honour(HonourKind.NationalTechnicalExpert, awardedOn);

    [Fact]
    public void Frontline_honour_holder_may_apply_for_the_senior_title()
    {
        var decision = Screen.One(Expert().Applies(ScreeningPath.GreenChannel, TitleLevel.Senior));

        Assert.Equal(Outcome.Eligible, decision.Outcome);
        Assert.Equal(ScreeningPath.GreenChannel, decision.Path);
        Assert.Equal(TitleLevel.Senior, decision.TargetTitleLevel);
        Assert.Contains("获得全国技术能手（2022年5月1日授予）", decision.Reasons(), StringComparison.Ordinal);
        Assert.Contains("生产服务一线岗位", decision.Reasons(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_applications_both_senior_levels_are_tried_in_ascending_order()
    {
        var decisions = Screen.All(Expert());

        Assert.Equal(
            [TitleLevel.AssociateSenior, TitleLevel.Senior],
            decisions.Select(d => d.TargetTitleLevel!.Value));
        Assert.All(decisions, d => Assert.Equal(Outcome.Eligible, d.Outcome));
    }

    [Fact]
    public void Levels_at_or_below_a_title_already_held_are_not_tried()
    {
        var decisions = Screen.All(Expert().Title(TitleLevel.AssociateSenior, "2020-01-01"));

        var green = Assert.Single(decisions, d => d.Path == ScreeningPath.GreenChannel);
        Assert.Equal(TitleLevel.Senior, green.TargetTitleLevel);
    }

    [Fact]
    public void Holder_outside_a_frontline_post_is_refused()
    {
        var decision = Screen.One(
            Expert().With(e => e with { Frontline = false }).Applies(ScreeningPath.GreenChannel, TitleLevel.Senior));

        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Null(decision.EarliestEligibleOn);
        Assert.Equal("R7", decision.RuleIds());
        Assert.Contains("不是生产服务一线岗位", decision.Reasons(), StringComparison.Ordinal);
    }

    [Fact]
    public void Honour_left_out_of_the_configured_list_is_refused_citing_the_configuration()
    {
        var options = PolicyOptions.ProjectDefaults();
        options.GreenChannelHonours = ["中华技能大奖"];
        var rules = StatutoryRuleSet.Create(options);

        var decision = Screen.One(Expert().Applies(ScreeningPath.GreenChannel, TitleLevel.Senior), rules: rules);

        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        var failed = Assert.Single(decision.Of("R7"), f => f.Kind == FindingKind.Failed);
        Assert.Equal(Clauses.ProjectDefault, failed.Clause);
        Assert.Contains("全国技术能手（2022年5月1日授予）未列入本单位配置的绿色通道荣誉范围", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Honour_awarded_after_the_cut_off_is_ignored()
    {
        Assert.Empty(Screen.All(Expert("2027-01-05")));

        var decision = Screen.One(Expert("2027-01-05").Applies(ScreeningPath.GreenChannel, TitleLevel.AssociateSenior));
        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Null(decision.EarliestEligibleOn);
        Assert.Contains("截至2026年12月31日未获得可经绿色通道申报的荣誉", decision.Reasons(), StringComparison.Ordinal);
    }

    [Fact]
    public void Green_channel_does_not_lead_to_an_intermediate_title()
    {
        var decision = Screen.One(Expert().Applies(ScreeningPath.GreenChannel, TitleLevel.Intermediate));

        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Contains("只可直接申报正高级或副高级职称", decision.Reasons(), StringComparison.Ordinal);
    }

    [Fact]
    public void Green_channel_also_needs_three_qualified_years()
    {
        var decision = Screen.One(
            Expert().Assessed(2025, AssessmentResult.Unqualified).Applies(ScreeningPath.GreenChannel, TitleLevel.Senior));

        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Equal("R4", decision.RuleIds());
    }

    [Fact]
    public void Green_channel_into_a_series_outside_the_through_series_fails()
    {
        var decision = Screen.One(
            Expert().Applies(ScreeningPath.GreenChannel, TitleLevel.Senior, TitleSeries.Accounting));

        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Equal("R6", decision.RuleIds());
    }

    [Fact]
    public void A_decision_failing_every_green_channel_condition_reports_each_of_them()
    {
        // The most findings a statutory decision can have: honour, frontline, level, two for R4 and R6.
        var decision = Screen.One(
            new EmployeeRecordBuilder()
                .Honour(HonourKind.NationalTechnicalExpert, "2027-05-01")
                .With(e => e with { Frontline = false })
                .Assessed(2024, AssessmentResult.Unqualified)
                .NotAssessed(2025)
                .Applies(ScreeningPath.GreenChannel, TitleLevel.Intermediate, TitleSeries.Economics));

        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Equal(
            ["R7", "R7", "R7", "R4", "R4", "R6"],
            decision.Findings.Select(f => f.RuleId));
        Assert.All(decision.Findings, f => Assert.NotEqual(FindingKind.Met, f.Kind));
    }
}
