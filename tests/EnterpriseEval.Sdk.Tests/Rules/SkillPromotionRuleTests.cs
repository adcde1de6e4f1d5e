using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;
using static EnterpriseEval.Sdk.Tests.EmployeeRecordBuilder;

namespace EnterpriseEval.Sdk.Tests.Rules;

public sealed class SkillPromotionRuleTests
{
    private static EmployeeRecordBuilder TechnicalStaff(string issuedOn = "2025-12-31") =>
        new EmployeeRecordBuilder()
            .InTechnicalPost()
            .Certificate(SkillLevel.SeniorWorker, issuedOn, "GJG-01");

    [Fact]
    public void Professional_with_a_certificate_exactly_one_year_old_may_apply_for_the_next_level()
    {
        var decision = Screen.One(TechnicalStaff().Applies(ScreeningPath.SkillPromotion, SkillLevel.Technician));

        Assert.Equal(Outcome.Eligible, decision.Outcome);
        Assert.Equal("GJG-01", decision.BasisCertificateNo);
        Assert.Contains("所持高级工职业技能等级证书（车工，证书编号 GJG-01，2025年12月31日发证）已于2026年12月31日取得满1年", decision.Reasons(), StringComparison.Ordinal);
        Assert.Contains("现岗位为专业技术岗位，属于专业技术人才", decision.Reasons(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_day_before_the_year_is_up_gives_the_date()
    {
        var decision = Screen.One(TechnicalStaff().Applies(ScreeningPath.SkillPromotion, SkillLevel.Technician), "2026-12-30");

        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Equal(D("2026-12-31"), decision.EarliestEligibleOn);
        Assert.Equal("R10", decision.RuleIds());
        // Issue #19, defect 7: the failed finding is listed first, so it names the certificate itself, never 「该证书」.
        var failed = Assert.Single(decision.Findings, f => f.Kind == FindingKind.Failed);
        Assert.Contains("所持高级工职业技能等级证书（车工，证书编号 GJG-01，2025年12月31日发证）取得未满1年，将于2026年12月31日满1年", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("该证书", decision.Reasons(), StringComparison.Ordinal);
    }

    [Fact]
    public void Skipping_a_level_is_refused()
    {
        var decision = Screen.One(TechnicalStaff("2020-01-01").Applies(ScreeningPath.SkillPromotion, SkillLevel.SeniorTechnician));

        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Null(decision.EarliestEligibleOn);
        Assert.Contains("申报的高级技师不是其上一等级（技师）", decision.Reasons(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_worker_in_a_skill_post_without_a_title_is_not_a_professional()
    {
        var decision = Screen.One(
            new EmployeeRecordBuilder()
                .Certificate(SkillLevel.SeniorWorker, "2020-01-01")
                .Applies(ScreeningPath.SkillPromotion, SkillLevel.Technician));

        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Null(decision.EarliestEligibleOn);
        Assert.Contains("不属于可按本条申请晋级评价的专业技术人才", decision.Reasons(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_applications_the_next_level_in_the_certificates_occupation_is_tried()
    {
        var decisions = Screen.All(TechnicalStaff("2020-01-01"));

        var promotion = Assert.Single(decisions, d => d.Path == ScreeningPath.SkillPromotion);
        Assert.Equal(SkillLevel.Technician, promotion.TargetSkillLevel);
        Assert.Equal("车工", promotion.TargetOccupation);
    }

    [Fact]
    public void A_senior_technician_has_no_promotion_to_try()
    {
        var decisions = Screen.All(
            new EmployeeRecordBuilder().InTechnicalPost().Certificate(SkillLevel.SeniorTechnician, "2020-01-01"));

        Assert.DoesNotContain(decisions, d => d.Path == ScreeningPath.SkillPromotion);
    }

    [Fact]
    public void Short_work_years_and_a_recent_certificate_give_the_later_date()
    {
        var employee = TechnicalStaff("2026-03-01")
            .HiredOn("2024-06-01")
            .Applies(ScreeningPath.SkillPromotion, SkillLevel.Technician);

        var decision = Screen.One(employee);

        // 1 year after the certificate: 2027-03-01; 3 work years (project default for 技师): 2027-06-01.
        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Equal(D("2027-06-01"), decision.EarliestEligibleOn);
    }

    // Issue #19, defect 7: 特级技师 is an appointed post (人社部发〔2022〕14号), not a 职业技能等级证书 that promotion awards.
    [Fact]
    public void Promotion_to_principal_technician_is_refused_as_an_appointed_post_not_a_certificate()
    {
        var decision = Screen.One(
            new EmployeeRecordBuilder()
                .InTechnicalPost()
                .Certificate(SkillLevel.SeniorTechnician, "2020-01-01", "GJJS-01")
                .Applies(ScreeningPath.SkillPromotion, SkillLevel.PrincipalTechnician));

        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        var failed = Assert.Single(decision.Of("R10"), f => f.Kind == FindingKind.Failed);
        Assert.Contains("特级技师为企业聘任的岗位，不是职业资格或职业技能等级证书", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("特级技师职业", decision.Reasons(), StringComparison.Ordinal);
    }
}
