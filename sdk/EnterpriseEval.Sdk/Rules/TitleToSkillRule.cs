using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Rules;

/// <summary>
/// R8 (96号 二（四）): 专业技术人才取得助理级、中级、副高级职称，累计工作年限达到申报条件的，可分别申请参加与现岗位相对应职业（工种）的
/// 高级工、技师、高级技师职业技能评价。
/// </summary>
internal sealed class TitleToSkillRule(CumulativeWorkYearsRule workYears)
{
    private const string RuleId = "R8";

    private static readonly Finding NoOccupation = Finding.Create(
        RuleId,
        Clauses.TitleToSkill,
        FindingKind.NeedsReview,
        "现岗位未登记职业工种，无法确认申报的职业工种与现岗位相对应，请人工核实");

    /// <summary>Adds the findings on the title, the occupation and the years; <paramref name="basis"/> is the title used.</summary>
    internal void Check(
        EmployeeFacts facts, SkillLevel target, string occupation, ref StackList<Finding> findings, out ProfessionalTitle? basis)
    {
        basis = null;
        if (Ladder.ForSkill(target) is not { } rung)
        {
            findings.Add(Finding.Create(
                RuleId,
                Clauses.TitleToSkill,
                FindingKind.Failed,
                $"专业技术人才可按职称申请参加高级工、技师、高级技师职业技能评价，申报的{target.ToChinese()}不适用" +
                (target >= SkillLevel.PrincipalTechnician ? "（特级技师、首席技师为企业聘任的岗位，不是职业技能等级证书）" : "")));
            return;
        }

        findings.Add(CheckTitle(facts, rung, target, ref basis));
        findings.Add(CheckOccupation(facts.Employee, occupation));
        if (workYears.Check(RuleId, facts, target, occupation) is { } years)
        {
            findings.Add(years);
        }
    }

    private static Finding CheckTitle(EmployeeFacts facts, Ladder.Rung rung, SkillLevel target, ref ProfessionalTitle? basis)
    {
        if (facts.HighestTitle is { } title && title.Level >= rung.Title)
        {
            basis = title;
            return TitleHeld(title, target);
        }

        return TitleMissing(facts.HighestTitle, facts.AsOf, rung.Title, target);
    }

    // One method per sentence; each finding keeps the values its sentence names.
    private static Finding TitleHeld(ProfessionalTitle title, SkillLevel target) => Finding.Deferred(
        RuleId,
        Clauses.TitleToSkill,
        FindingKind.Met,
        (title, target),
        static a => $"持有{ChineseText.Title(a.title)}，可申请参加{a.target.ToChinese()}职业技能评价");

    private static Finding TitleMissing(ProfessionalTitle? lower, DateOnly asOf, TitleLevel required, SkillLevel target) => Finding.Deferred(
        RuleId,
        Clauses.TitleToSkill,
        FindingKind.Failed,
        (lower, asOf, required, target),
        static a => (a.lower is null ? "" : $"所持最高职称为{ChineseText.Title(a.lower)}，") +
            $"截至{ChineseText.Date(a.asOf)}未取得{a.required.ToChinese()}及以上职称，不能申请参加{a.target.ToChinese()}职业技能评价");

    private static Finding CheckOccupation(Employee employee, string occupation)
    {
        if (employee.Occupation.Length == 0)
        {
            return NoOccupation;
        }

        return occupation == employee.Occupation
            ? Finding.Deferred(
                RuleId,
                Clauses.TitleToSkill,
                FindingKind.Met,
                occupation,
                static occupation => $"申报的职业工种“{occupation}”与现岗位相对应")
            : Finding.Deferred(
                RuleId,
                Clauses.TitleToSkill,
                FindingKind.Failed,
                (occupation, held: employee.Occupation),
                static a => $"申报的职业工种“{a.occupation}”与现岗位的职业工种“{a.held}”不对应，应申请与现岗位相对应职业（工种）的评价");
    }
}
