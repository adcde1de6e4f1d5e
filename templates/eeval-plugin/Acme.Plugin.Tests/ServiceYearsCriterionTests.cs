using Acme.Plugin.Roster;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;
using EnterpriseEval.Sdk.Testing;

namespace Acme.Plugin.Tests;

public sealed class ServiceYearsCriterionTests
{
    private const string Criterion = "ACME-SERVICE";
    private static readonly DateOnly AsOf = new(2026, 12, 31);

    // A frontline 高级工 since 2015, assessed 合格 in 2023–2025, hired on 1 March of the given year: hired in 2024
    // or earlier, the statutory rules find them eligible for 助理级 on the skill-to-title path (2 years of skill work since
    // the hire, 96号 二（二）1), so whatever changes comes from the plug-in.
    private static EmployeeBuilder SeniorWorkerHiredIn(int year) => EmployeeBuilder.Create("E1").Named("张三")
        .HiredOn(year, 3, 1)
        .InSkillPost("车工", frontline: true)
        .WithCertificate(SkillLevel.SeniorWorker, "车工", new DateOnly(2015, 1, 1))
        .WithAssessments(AssessmentResult.Qualified, 2023, 2024, 2025)
        .Applying(ScreeningPath.SkillToTitle, TitleLevel.Assistant);

    [Fact]
    public void Employee_with_enough_service_years_stays_eligible()
    {
        using var host = PluginTestHost.For<AcmePlugin>();

        host.Screen([SeniorWorkerHiredIn(2010).Build()], AsOf)
            .For("E1", ScreeningPath.SkillToTitle)
            .ShouldBe(Outcome.Eligible)
            .ShouldHaveFinding(Criterion, FindingKind.Met, "本企业工龄已满3年");
    }

    [Fact]
    public void Employee_hired_recently_is_not_yet_eligible_and_told_when()
    {
        using var host = PluginTestHost.For<AcmePlugin>();

        var decision = host.Screen([SeniorWorkerHiredIn(2024).Build()], AsOf)
            .For("E1", ScreeningPath.SkillToTitle)
            .ShouldBe(Outcome.NotEligible)
            .ShouldHaveFinding(Criterion, FindingKind.Failed, "《示例机械有限公司技能人才评价管理办法》第八条");

        // Only time is missing: the decision says when three years of service will be complete.
        Assert.Equal(new DateOnly(2027, 3, 1), decision.EarliestEligibleOn);
    }

    [Fact]
    public void Time_away_from_the_post_does_not_count_and_moves_the_date()
    {
        using var host = PluginTestHost.For<AcmePlugin>();
        var employee = SeniorWorkerHiredIn(2023)
            .WithRows(ServiceBreaks.Table, new ServiceBreak(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)))
            .Build();

        var decision = host.Screen([employee], AsOf)
            .For("E1", ScreeningPath.SkillToTitle)
            .ShouldBe(Outcome.NotEligible)
            .ShouldHaveFinding(Criterion, FindingKind.Failed, "扣除离岗365天");

        // Hired 2023-03-01: three years on 2026-03-01, and 365 days away on top.
        Assert.Equal(new DateOnly(2027, 3, 1), decision.EarliestEligibleOn);
    }

    [Fact]
    public void A_statutory_failure_stays_a_failure_whatever_the_plugin_says()
    {
        using var host = PluginTestHost.For<AcmePlugin>();
        var employee = SeniorWorkerHiredIn(2010).WithAssessments(AssessmentResult.Unqualified, 2024).Build();

        host.Screen([employee], AsOf)
            .For("E1", ScreeningPath.SkillToTitle)
            .ShouldBe(Outcome.NotEligible)
            .ShouldHaveFinding(Criterion, FindingKind.Met);
    }

    [Fact]
    public void The_minimum_comes_from_configuration()
    {
        using var host = PluginTestHost.For<AcmePlugin>(configuration: new Dictionary<string, string?>
        {
            ["Plugins:acme-plugin:MinimumServiceYears"] = "2",
        });

        host.Screen([SeniorWorkerHiredIn(2024).Build()], AsOf)
            .For("E1", ScreeningPath.SkillToTitle)
            .ShouldBe(Outcome.Eligible)
            .ShouldHaveFinding(Criterion, FindingKind.Met, "已满2年");
    }

    [Fact]
    public void The_plugin_passes_the_checks_of_eeval_plugins_validate()
    {
        using var host = PluginTestHost.For<AcmePlugin>();

        host.Validate();
    }
}
