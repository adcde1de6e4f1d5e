using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Tests.Rules;

public sealed class GreenChannelRuleTests
{
    // A 高技能人才 (96号 二（二）1: 具备高级工以上职业资格或职业技能等级) with an honour of 二（二）3.
    private static EmployeeRecordBuilder Expert(string awardedOn = "2022-05-01") =>
        new EmployeeRecordBuilder()
            .Certificate(SkillLevel.SeniorTechnician, "2015-06-01", "GJJS-01")
            .Honour(HonourKind.NationalTechnicalExpert, awardedOn);

    // Issue #19, defect 1. This test used to give an honour and no certificate and expect `eligible`; 96号 二（二）3 opens
    // the channel to 「享受省级以上政府特殊津贴的高技能人才」 and 二（二）1 counts as 高技能人才 those 「具备高级工以上职业资格
    // 或职业技能等级」, so the holder now also holds a 高级技师 certificate, and the one without is refused below.
    [Fact]
    public void Frontline_honour_holder_may_apply_for_the_senior_title()
    {
        var decision = Screen.One(Expert().Applies(ScreeningPath.GreenChannel, TitleLevel.Senior));

        Assert.Equal(Outcome.Eligible, decision.Outcome);
        Assert.Equal(ScreeningPath.GreenChannel, decision.Path);
        Assert.Equal(TitleLevel.Senior, decision.TargetTitleLevel);
        Assert.Contains("获得全国技术能手（2022年5月1日授予）", decision.Reasons(), StringComparison.Ordinal);
        Assert.Contains("持有高级技师职业技能等级证书（车工，证书编号 GJJS-01，2015年6月1日发证），属于具备高级工及以上职业资格或职业技能等级的高技能人才", decision.Reasons(), StringComparison.Ordinal);
        Assert.Contains("生产服务一线岗位", decision.Reasons(), StringComparison.Ordinal);
    }

    // 96号 二（二）3:「享受省级以上政府特殊津贴的高技能人才」; 二（二）1: 高技能人才 = 具备高级工以上职业资格或职业技能等级.
    [Fact]
    public void Honour_holder_without_a_senior_worker_certificate_is_not_a_high_skilled_talent_and_is_refused()
    {
        var engineer = new EmployeeRecordBuilder()
            .With(e => e with { PostCategory = PostCategory.Technical })
            .Honour(HonourKind.SpecialGovernmentAllowance, "2021-11-30");

        var decisions = Screen.All(engineer);

        // Still tried without applications, as for an excluded honour: a refusal with its reason, not silence.
        Assert.Equal([TitleLevel.AssociateSenior, TitleLevel.Senior], decisions.Select(d => d.TargetTitleLevel!.Value));
        Assert.All(decisions, d =>
        {
            Assert.Equal(Outcome.NotEligible, d.Outcome);
            Assert.Null(d.EarliestEligibleOn);
            Assert.Equal("R7", d.RuleIds());
            var failed = Assert.Single(d.Findings, f => f.Kind == FindingKind.Failed);
            Assert.Equal(Clauses.GreenChannel, failed.Clause);
            Assert.Contains("未持有有效的高级工及以上职业资格或职业技能等级证书", failed.Message, StringComparison.Ordinal);
            Assert.Contains("高技能人才指具备高级工及以上职业资格或职业技能等级的技能人才", failed.Message, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData(SkillLevel.IntermediateWorker, CertificateStatus.Valid, "所持最高为中级工职业技能等级证书")]
    [InlineData(SkillLevel.SeniorWorker, CertificateStatus.Revoked, "未持有有效的高级工及以上")]
    public void A_lower_or_revoked_certificate_does_not_make_a_high_skilled_talent(
        SkillLevel level, CertificateStatus status, string expected)
    {
        var decision = Screen.One(
            new EmployeeRecordBuilder()
                .Certificate(level, "2015-06-01", status: status)
                .Honour(HonourKind.ProvincialHighEndTalent, "2022-05-01")
                .Applies(ScreeningPath.GreenChannel, TitleLevel.AssociateSenior));

        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        var failed = Assert.Single(decision.Of("R7"), f => f.Kind == FindingKind.Failed);
        Assert.Equal(Clauses.GreenChannel, failed.Clause);
        Assert.Contains(expected, failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_senior_worker_certificate_issued_after_the_cut_off_does_not_count()
    {
        var decision = Screen.One(
            new EmployeeRecordBuilder()
                .Certificate(SkillLevel.SeniorWorker, "2027-01-05")
                .Honour(HonourKind.NationalTechnicalExpert, "2022-05-01")
                .Applies(ScreeningPath.GreenChannel, TitleLevel.AssociateSenior));

        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Contains("截至2026年12月31日未持有有效的高级工及以上", decision.Reasons(), StringComparison.Ordinal);
    }

    // Issue #19, defect 7: the policy's own verbs (96号 二（二）3): 获得中华技能大奖、全国技术能手，担任国家级技能大师工作室带头人，
    // 享受省级以上政府特殊津贴，各省人民政府认定的“高精尖缺”高技能人才.
    [Theory]
    [InlineData(HonourKind.ChinaSkillsAward, "获得中华技能大奖（2022年5月1日授予）")]
    [InlineData(HonourKind.NationalTechnicalExpert, "获得全国技术能手（2022年5月1日授予）")]
    [InlineData(HonourKind.NationalMasterStudioLead, "担任国家级技能大师工作室带头人（2022年5月1日起）")]
    [InlineData(HonourKind.SpecialGovernmentAllowance, "享受省级以上政府特殊津贴（2022年5月1日批准）")]
    [InlineData(HonourKind.ProvincialHighEndTalent, "被认定为“高精尖缺”高技能人才（2022年5月1日认定）")]
    public void Each_honour_is_put_in_the_policys_own_verb(HonourKind kind, string expected)
    {
        var decision = Screen.One(
            new EmployeeRecordBuilder()
                .Certificate(SkillLevel.SeniorTechnician, "2015-06-01")
                .Honour(kind, "2022-05-01")
                .Applies(ScreeningPath.GreenChannel, TitleLevel.Senior));

        Assert.Equal(Outcome.Eligible, decision.Outcome);
        var honour = decision.Of("R7").First();
        Assert.StartsWith(expected, honour.Message, StringComparison.Ordinal);
        if (kind is not (HonourKind.ChinaSkillsAward or HonourKind.NationalTechnicalExpert))
        {
            Assert.DoesNotContain("获得", honour.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Without_applications_both_senior_levels_are_tried_in_ascending_order()
    {
        var decisions = Screen.All(Expert()).Where(d => d.Path == ScreeningPath.GreenChannel).ToList();

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
        Assert.Contains("获得全国技术能手（2022年5月1日授予），未列入本单位配置的绿色通道荣誉范围", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Honour_awarded_after_the_cut_off_is_ignored()
    {
        Assert.DoesNotContain(Screen.All(Expert("2027-01-05")), d => d.Path == ScreeningPath.GreenChannel);

        var decision = Screen.One(Expert("2027-01-05").Applies(ScreeningPath.GreenChannel, TitleLevel.AssociateSenior));
        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Null(decision.EarliestEligibleOn);
        Assert.Contains("截至2026年12月31日不具备可经绿色通道申报的条件", decision.Reasons(), StringComparison.Ordinal);
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
        // The most findings a statutory decision can have: honour, skill level (no certificate: not 高技能人才, issue #19
        // defect 1), frontline, level, two for R4 and R6.
        var decision = Screen.One(
            new EmployeeRecordBuilder()
                .Honour(HonourKind.NationalTechnicalExpert, "2027-05-01")
                .With(e => e with { Frontline = false })
                .Assessed(2024, AssessmentResult.Unqualified)
                .NotAssessed(2025)
                .Applies(ScreeningPath.GreenChannel, TitleLevel.Intermediate, TitleSeries.Economics));

        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Equal(
            ["R7", "R7", "R7", "R7", "R4", "R4", "R6"],
            decision.Findings.Select(f => f.RuleId));
        Assert.All(decision.Findings, f => Assert.NotEqual(FindingKind.Met, f.Kind));
    }
}
