using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;
using static EnterpriseEval.Sdk.Tests.EmployeeRecordBuilder;

namespace EnterpriseEval.Sdk.Tests.Rules;

public sealed class TitleToSkillRuleTests
{
    private static EmployeeRecordBuilder Engineer(TitleLevel level = TitleLevel.Intermediate) =>
        new EmployeeRecordBuilder()
            .InTechnicalPost()
            .With(e => e with { FirstWorkDate = D("2012-07-01") })
            .Title(level, "2019-06-01", number: "GCS-2019-8");

    [Fact]
    public void Intermediate_title_holder_may_apply_for_technician_in_the_occupation_of_the_post()
    {
        var decision = Assert.Single(Screen.All(Engineer()), d => d.Path == ScreeningPath.TitleToSkill);

        Assert.Equal(Outcome.Eligible, decision.Outcome);
        Assert.Equal(SkillLevel.Technician, decision.TargetSkillLevel);
        Assert.Equal("车工", decision.TargetOccupation);
        Assert.Equal("GCS-2019-8", decision.BasisCertificateNo);
        Assert.Contains("持有工程系列中级职称（证书编号 GCS-2019-8，2019年6月1日取得）", decision.Reasons(), StringComparison.Ordinal);
        Assert.Contains("按项目默认配置，申请技师评价须累计工作满3年", decision.Reasons(), StringComparison.Ordinal);
        Assert.Contains("自参加工作之日（2012年7月1日）起算", decision.Reasons(), StringComparison.Ordinal);
    }

    [Fact]
    public void Work_years_are_met_on_the_anniversary_and_not_the_day_before()
    {
        var employee = new EmployeeRecordBuilder()
            .HiredOn("2024-12-31")
            .Title(TitleLevel.Assistant, "2025-06-01")
            .Applies(ScreeningPath.TitleToSkill, SkillLevel.SeniorWorker);

        Assert.Equal(Outcome.Eligible, Screen.One(employee, "2026-12-31").Outcome);
        var before = Screen.One(employee, "2026-12-30");
        Assert.Equal(Outcome.NotEligible, before.Outcome);
        Assert.Equal(D("2026-12-31"), before.EarliestEligibleOn);
        Assert.Equal("R8", before.RuleIds());
        Assert.Contains("自入职之日（2024年12月31日）起算，将于2026年12月31日满足", before.Reasons(), StringComparison.Ordinal);
    }

    [Fact]
    public void Another_occupation_than_that_of_the_post_is_refused()
    {
        var decision = Screen.One(Engineer().Applies(ScreeningPath.TitleToSkill, SkillLevel.Technician, "焊工"));

        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Null(decision.EarliestEligibleOn);
        Assert.Equal("R8", decision.RuleIds());
        Assert.Contains("申报的职业工种“焊工”与现岗位的职业工种“车工”不对应", decision.Reasons(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_post_without_an_occupation_needs_review()
    {
        var decision = Screen.One(
            Engineer().With(e => e with { Occupation = "" }).Applies(ScreeningPath.TitleToSkill, SkillLevel.Technician, "车工"));

        Assert.Equal(Outcome.NeedsReview, decision.Outcome);
        Assert.Contains("现岗位未登记职业工种", decision.Reasons(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_below_the_target_is_refused()
    {
        var decision = Screen.One(Engineer(TitleLevel.Assistant).Applies(ScreeningPath.TitleToSkill, SkillLevel.SeniorTechnician));

        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Null(decision.EarliestEligibleOn);
        Assert.Contains("未取得副高级及以上职称", decision.Reasons(), StringComparison.Ordinal);
    }

    [Fact]
    public void Already_holding_the_level_in_the_occupation_gives_no_decision()
    {
        var decisions = Screen.All(Engineer().Certificate(SkillLevel.Technician, "2021-01-01"));

        Assert.DoesNotContain(decisions, d => d.Path == ScreeningPath.TitleToSkill);
    }

    [Fact]
    public void Holding_the_level_in_another_occupation_still_gives_a_decision()
    {
        var decisions = Screen.All(Engineer().Certificate(SkillLevel.Technician, "2021-01-01", occupation: "焊工"));

        Assert.Contains(decisions, d => d.Path == ScreeningPath.TitleToSkill);
    }

    [Fact]
    public void Senior_title_leads_to_senior_technician()
    {
        var decision = Assert.Single(Screen.All(Engineer(TitleLevel.Senior)), d => d.Path == ScreeningPath.TitleToSkill);

        Assert.Equal(SkillLevel.SeniorTechnician, decision.TargetSkillLevel);
        Assert.Equal(Outcome.Eligible, decision.Outcome);
    }

    [Fact]
    public void Years_configured_for_the_occupation_override_the_default_and_say_so()
    {
        var options = PolicyOptions.ProjectDefaults();
        options.CumulativeWorkYearsByOccupation["车工"] = new(StringComparer.Ordinal) { ["技师"] = 20 };
        var rules = StatutoryRuleSet.Create(options);

        var decision = Screen.One(Engineer().Applies(ScreeningPath.TitleToSkill, SkillLevel.Technician), rules: rules);

        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Equal(D("2032-07-01"), decision.EarliestEligibleOn);
        Assert.Contains("按车工工种的配置，申请技师评价须累计工作满20年", decision.Reasons(), StringComparison.Ordinal);
    }

    // Issue #19, defect 7. 96号 二（四）:「…可分别申请参加与现岗位相对应职业（工种）的高级工、技师、高级技师职业技能评价」; 特级技师
    // is a post an enterprise appoints to (人社部发〔2022〕14号), and the refusal says so rather than call it a certificate.
    [Fact]
    public void Principal_technician_is_refused_as_an_appointed_post()
    {
        var decision = Screen.One(Engineer(TitleLevel.AssociateSenior).Applies(ScreeningPath.TitleToSkill, SkillLevel.PrincipalTechnician, "车工"));

        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        var failed = Assert.Single(decision.Of("R8"));
        Assert.Equal(Clauses.TitleToSkill, failed.Clause);
        Assert.Contains("申报的特级技师不适用（特级技师、首席技师为企业聘任的岗位，不是职业技能等级证书）", failed.Message, StringComparison.Ordinal);
    }
}
