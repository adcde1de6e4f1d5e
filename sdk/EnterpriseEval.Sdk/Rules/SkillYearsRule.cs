using EnterpriseEval.Sdk.Dates;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Rules;

/// <summary>
/// R1–R3 (96号 二（二）1): 取得高级工、技师、高级技师职业资格或职业技能等级后从事技术技能工作满2年、3年、4年，
/// 可分别申报评审相应专业助理级、中级、副高级职称。
/// </summary>
internal static class SkillYearsRule
{
    /// <summary>
    /// Checks the rung; of the qualifying certificates (the rung's level or higher) the one giving the earliest date
    /// is used and returned as <paramref name="basis"/>.
    /// </summary>
    internal static Finding Check(EmployeeFacts facts, Ladder.Rung rung, out SkillCertificate? basis)
    {
        var employee = facts.Employee;
        basis = null;
        DateOnly? best = null;
        foreach (var c in facts.Record.Certificates)
        {
            if (!facts.Counts(c) || c.Level < rung.Skill)
            {
                continue;
            }

            var metOn = TechnicalSkillWork.MetOn(c.IssuedOn, rung.Years, employee.HireDate, facts.Record.WorkPeriods, facts.AsOf);
            // A certificate whose date cannot be projected is used only when no other gives a date.
            if (basis is null || (metOn is { } d && (best is null || d < best)))
            {
                basis = c;
                best = metOn;
            }
        }

        if (basis is null)
        {
            return Finding.Create(
                rung.RuleId,
                Clauses.SkillToTitle,
                FindingKind.Failed,
                $"截至{ChineseText.Date(facts.AsOf)}未持有有效的{rung.Skill.ToChinese()}及以上职业资格或职业技能等级证书，" +
                $"不能申报{rung.Title.ToChinese()}职称");
        }

        var held = $"持有{ChineseText.Certificate(basis)}，{CountedFrom(facts, basis, rung.Years, best)}";
        if (best is not { } date)
        {
            return Finding.Create(
                rung.RuleId,
                Clauses.SkillToTitle,
                FindingKind.Failed,
                $"{held}须满{rung.Years}年；工作经历记录显示技术技能工作未持续至今，无法推算满{rung.Years}年的日期");
        }

        return date <= facts.AsOf
            ? Finding.Create(
                rung.RuleId,
                Clauses.SkillToTitle,
                FindingKind.Met,
                $"{held}满{rung.Years}年，已于{ChineseText.Date(date)}满足申报{rung.Title.ToChinese()}职称的年限要求")
            : Finding.Create(
                rung.RuleId,
                Clauses.SkillToTitle,
                FindingKind.Failed,
                $"{held}须满{rung.Years}年，将于{ChineseText.Date(date)}满足申报{rung.Title.ToChinese()}职称的年限要求",
                date);
    }

    // Says where the years count from, so the reviewer can recompute the date by hand.
    private static string CountedFrom(EmployeeFacts facts, SkillCertificate basis, int years, DateOnly? metOn)
    {
        var hire = facts.Employee.HireDate;
        if (facts.Record.WorkPeriods.Count > 0)
        {
            return metOn is { } d && d != Anniversary.Of(basis.IssuedOn, years)
                ? "发证后扣除非技术技能工作时间，从事技术技能工作"
                : "发证后从事技术技能工作";
        }

        return hire > basis.IssuedOn
            ? $"自入职之日（{ChineseText.Date(hire)}）起从事技术技能工作"
            : "发证后从事技术技能工作";
    }
}
