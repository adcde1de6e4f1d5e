using EnterpriseEval.Workflow.Generation;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Engine.Tests.Generation;

/// <summary>
/// Every occupation the synthetic generator writes is a manufacturing trade that the SDK's default correspondence
/// (专业对应关系, 96号 二（一）) declares for the 工程 series, so generated rosters screen as the samples do rather than
/// turning every title decision into needs_review.
/// </summary>
public sealed class GeneratedOccupationSeriesTests
{
    private static readonly StatutoryRuleSet Rules = StatutoryRuleSet.Create(PolicyOptions.ProjectDefaults());

    public static TheoryData<string> Occupations()
    {
        var data = new TheoryData<string>();
        // EmployeeSynthesizer certifies engineers without a post occupation as 数控车工.
        foreach (var occupation in Workforce.All.Select(p => p.Occupation).Append("数控车工").Where(o => o.Length > 0).Distinct())
        {
            data.Add(occupation);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Occupations))]
    public void A_generated_occupation_aims_at_the_engineering_series(string occupation)
    {
        var record = new EmployeeRecord
        {
            Employee = new Employee
            {
                EmployeeId = "G1",
                Name = "测试",
                HireDate = new DateOnly(2010, 7, 1),
                PostCategory = PostCategory.Skill,
                Frontline = true,
                Occupation = occupation,
            },
            Certificates = [new SkillCertificate { Level = SkillLevel.Technician, Occupation = occupation, IssuedOn = new DateOnly(2018, 1, 1) }],
        };

        var decisions = Rules.Screen(record, new DateOnly(2026, 12, 31));

        var intermediate = Assert.Single(decisions, d => d.Path == ScreeningPath.SkillToTitle && d.TargetTitleLevel == TitleLevel.Intermediate);
        Assert.Equal(TitleSeries.Engineering, intermediate.TargetSeries);
    }
}
