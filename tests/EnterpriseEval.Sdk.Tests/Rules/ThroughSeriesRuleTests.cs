using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Tests.Rules;

public sealed class ThroughSeriesRuleTests
{
    private static EmployeeRecordBuilder Technician(TitleSeries series) =>
        new EmployeeRecordBuilder()
            .Certificate(SkillLevel.Technician, "2018-01-01")
            .Applies(ScreeningPath.SkillToTitle, TitleLevel.Intermediate, series);

    [Fact]
    public void Economics_application_fails_as_not_a_through_series()
    {
        var decision = Screen.One(Technician(TitleSeries.Economics));

        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Null(decision.EarliestEligibleOn);
        Assert.Equal("R6", decision.RuleIds());
        var failed = Assert.Single(decision.Of("R6"));
        Assert.Equal(Clauses.ThroughSeries, failed.Clause);
        Assert.Contains("经济系列不属于贯通的职称系列", failed.Message, StringComparison.Ordinal);
        Assert.Contains("职业资格考试", failed.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TitleSeries.Engineering)]
    [InlineData(TitleSeries.TechnicalSchoolTeacher)]
    [InlineData(TitleSeries.ArtsCrafts)]
    public void Through_series_is_met(TitleSeries series) =>
        Assert.Equal(Outcome.Eligible, Screen.One(Technician(series)).Outcome);

    [Fact]
    public void Health_series_fails()
    {
        var decision = Screen.One(Technician(TitleSeries.Health));

        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Contains("卫生系列不属于", decision.Reasons(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_series_the_occupations_configured_series_is_used()
    {
        var options = PolicyOptions.ProjectDefaults();
        options.OccupationSeries["车工"] = "实验技术";
        var rules = StatutoryRuleSet.Create(options);
        var employee = new EmployeeRecordBuilder().Certificate(SkillLevel.Technician, "2018-01-01");

        var decision = Screen.All(employee, rules: rules)[0];

        Assert.Equal(TitleSeries.Laboratory, decision.TargetSeries);
        Assert.Contains("实验技术系列属于", decision.Reasons(), StringComparison.Ordinal);
    }
}
