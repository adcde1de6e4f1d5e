using EnterpriseEval.Engine.Output;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Engine.Tests.Output;

/// <summary>
/// Issue #19, defect 7: the reasons column lists failed findings first (<see cref="DecisionColumns.InReadingOrder"/>), so
/// no sentence may refer to 「该证书」 — each names the certificate it speaks of.
/// </summary>
public sealed class ReasonsReadingOrderTests
{
    private static readonly DateOnly CutOff = new(2026, 12, 30);

    // 96号 二（四）:「专业技术人才取得职业资格或职业技能等级1年后，可…申报…晋级评价」: the year is not yet up, so that finding is
    // listed first, before the one that names the next level.
    [Fact]
    public void A_failed_finding_listed_first_names_the_certificate_itself()
    {
        var record = new EmployeeRecord
        {
            Employee = new Employee
            {
                EmployeeId = "E1",
                Name = "张三",
                HireDate = new DateOnly(2010, 7, 1),
                PostCategory = PostCategory.Technical,
                Frontline = true,
                Occupation = "车工",
            },
            Certificates =
            [
                new SkillCertificate
                {
                    Level = SkillLevel.SeniorWorker,
                    Occupation = "车工",
                    CertificateNo = "GJG-01",
                    IssuedOn = new DateOnly(2025, 12, 31),
                },
            ],
            Applications = [new Application { Path = ScreeningPath.SkillPromotion, TargetSkillLevel = SkillLevel.Technician }],
        };

        var decision = Assert.Single(StatutoryRuleSet.Create(PolicyOptions.ProjectDefaults()).Screen(record, CutOff));
        var sentences = DecisionColumns.Reasons(decision.Findings).Split('；');

        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Contains("取得未满1年", sentences[0], StringComparison.Ordinal);
        Assert.Contains("证书编号 GJG-01", sentences[0], StringComparison.Ordinal);
        Assert.All(sentences, s => Assert.DoesNotContain("该证书", s, StringComparison.Ordinal));
    }
}
