using EnterpriseEval.Sdk.Dates;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Rules;

/// <summary>
/// The "累计工作年限达到申报条件" part of 96号 二（四）, shared by R8 and R10. The years are configuration
/// (<see cref="PolicyOptions.CumulativeWorkYears"/>), counted from 参加工作时间, else 入职日期; the sentence says so.
/// </summary>
internal sealed class CumulativeWorkYearsRule(CompiledPolicy policy)
{
    /// <summary>The finding, or <see langword="null"/> when no years are configured for the target.</summary>
    internal Finding? Check(string ruleId, EmployeeFacts facts, SkillLevel target, string occupation)
    {
        if (!policy.TryGetYears(target, occupation, out var years, out var perOccupation))
        {
            return null;
        }

        var employee = facts.Employee;
        var date = Anniversary.Of(employee.WorkStart, years);
        // The occupation is named only when its own years were configured.
        var args = (configured: perOccupation ? occupation : null, target, years, employee, date);
        return date <= facts.AsOf
            ? Finding.Deferred(
                ruleId,
                Clauses.TitleToSkill,
                FindingKind.Met,
                args,
                static a => $"按{a.configured}{(a.configured is null ? "项目默认" : "工种的")}配置，申请{a.target.ToChinese()}评价须累计工作满{a.years}年，" +
                    $"自{ChineseText.WorkStart(a.employee)}起算，已于{ChineseText.Date(a.date)}满足")
            : Finding.Deferred(
                ruleId,
                Clauses.TitleToSkill,
                FindingKind.Failed,
                args,
                static a => $"按{a.configured}{(a.configured is null ? "项目默认" : "工种的")}配置，申请{a.target.ToChinese()}评价须累计工作满{a.years}年，" +
                    $"自{ChineseText.WorkStart(a.employee)}起算，将于{ChineseText.Date(a.date)}满足",
                date);
    }
}
