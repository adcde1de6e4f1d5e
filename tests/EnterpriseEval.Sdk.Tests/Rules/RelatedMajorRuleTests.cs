using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Tests.Rules;

public sealed class RelatedMajorRuleTests
{
    private static EmployeeRecordBuilder MechanicalGraduate() =>
        new EmployeeRecordBuilder()
            .With(e => e with { Major = "机械制造与自动化" })
            .Title(TitleLevel.Intermediate, "2018-01-01")
            .Applies(ScreeningPath.TitleToSkill, SkillLevel.Technician);

    [Fact]
    public void Graduate_of_a_configured_related_major_is_exempt_from_the_theory_exam()
    {
        var options = PolicyOptions.ProjectDefaults();
        options.RelatedMajors["车工"] = ["机械制造与自动化", "数控技术"];

        var decision = Screen.One(MechanicalGraduate(), rules: StatutoryRuleSet.Create(options));

        Assert.True(decision.TheoryExamExempt);
        Assert.Equal(Outcome.Eligible, decision.Outcome);
        Assert.Equal("R9", decision.RuleIds());
        var flag = Assert.Single(decision.Of("R9"));
        Assert.Equal(FindingKind.Flag, flag.Kind);
        Assert.Contains("可免于理论知识考试", flag.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_configured_map_there_is_no_exemption()
    {
        var decision = Screen.One(MechanicalGraduate());

        Assert.False(decision.TheoryExamExempt);
        Assert.Empty(decision.Of("R9"));
    }

    [Fact]
    public void A_major_not_in_the_map_gives_no_exemption()
    {
        var options = PolicyOptions.ProjectDefaults();
        options.RelatedMajors["车工"] = ["数控技术"];

        var decision = Screen.One(MechanicalGraduate(), rules: StatutoryRuleSet.Create(options));

        Assert.False(decision.TheoryExamExempt);
    }

    [Fact]
    public void The_exemption_is_never_a_condition()
    {
        var options = PolicyOptions.ProjectDefaults();
        options.RelatedMajors["车工"] = ["机械制造与自动化"];

        var decision = Screen.One(
            MechanicalGraduate().With(e => e with { Major = "" }), rules: StatutoryRuleSet.Create(options));

        Assert.Equal(Outcome.Eligible, decision.Outcome);
        Assert.False(decision.TheoryExamExempt);
    }
}
