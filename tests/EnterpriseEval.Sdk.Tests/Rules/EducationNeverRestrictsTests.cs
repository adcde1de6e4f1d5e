using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Sdk.Tests.Rules;

/// <summary>R5 (96号 二（二）1): 不将学历、论文、外语、计算机等作为高技能人才参加职称评审的限制性条件.</summary>
public sealed class EducationNeverRestrictsTests
{
    [Fact]
    public void Junior_middle_school_graduate_with_nothing_else_recorded_is_eligible_on_skill_to_title()
    {
        var employee = new EmployeeRecordBuilder()
            .With(e => e with { Education = "初中", Major = "", Department = "", Post = "" })
            .Certificate(SkillLevel.SeniorWorker, "2022-01-01")
            .Applies(ScreeningPath.SkillToTitle, TitleLevel.Assistant);

        var decision = Screen.One(employee);

        Assert.Equal(Outcome.Eligible, decision.Outcome);
        Assert.DoesNotContain("学历", decision.Reasons(), StringComparison.Ordinal);
    }
}
