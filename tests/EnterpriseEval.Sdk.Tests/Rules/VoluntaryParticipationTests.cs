using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Tests.Rules;

public sealed class VoluntaryParticipationTests
{
    [Fact]
    public void Eligible_decision_says_application_is_voluntary()
    {
        var decision = Screen.One(
            new EmployeeRecordBuilder()
                .Certificate(SkillLevel.Technician, "2018-01-01")
                .Applies(ScreeningPath.SkillToTitle, TitleLevel.Intermediate));

        Assert.Equal(Outcome.Eligible, decision.Outcome);
        var info = Assert.Single(decision.Of("R12"));
        Assert.Equal(FindingKind.Info, info.Kind);
        Assert.Equal(Clauses.Equivalence, info.Clause);
        Assert.StartsWith("可自愿申报，非强制", info.Message, StringComparison.Ordinal);
        Assert.Same(info, decision.Findings[^1]);
        Assert.DoesNotContain("R12", decision.RuleIds(), StringComparison.Ordinal);
    }

    [Fact]
    public void Refused_decision_carries_no_voluntary_note()
    {
        var decision = Screen.One(
            new EmployeeRecordBuilder().Applies(ScreeningPath.SkillToTitle, TitleLevel.Intermediate));

        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Empty(decision.Of("R12"));
    }

    [Fact]
    public void Every_eligible_decision_of_every_path_carries_it()
    {
        var employee = new EmployeeRecordBuilder()
            .InTechnicalPost()
            .Certificate(SkillLevel.SeniorWorker, "2015-01-01")
            .Title(TitleLevel.Assistant, "2016-01-01")
            .Honour(HonourKind.ChinaSkillsAward, "2020-01-01");

        var eligible = Screen.All(employee)
            .Where(d => d.Outcome == Outcome.Eligible)
            .ToList();

        Assert.Equal(
            [ScreeningPath.GreenChannel, ScreeningPath.GreenChannel, ScreeningPath.SkillPromotion],
            eligible.Select(d => d.Path));
        Assert.All(eligible, d => Assert.Single(d.Of("R12")));
    }
}
