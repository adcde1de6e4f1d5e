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
        return date <= facts.AsOf
            ? Finding.Deferred(
                ruleId,
                Clauses.TitleToSkill,
                FindingKind.Met,
                () => $"按{(perOccupation ? occupation : "")}{(perOccupation ? "工种的" : "项目默认")}配置，申请{target.ToChinese()}评价须累计工作满{years}年，" +
                    $"自{ChineseText.WorkStart(employee)}起算，已于{ChineseText.Date(date)}满足")
            : Finding.Deferred(
                ruleId,
                Clauses.TitleToSkill,
                FindingKind.Failed,
                () => $"按{(perOccupation ? occupation : "")}{(perOccupation ? "工种的" : "项目默认")}配置，申请{target.ToChinese()}评价须累计工作满{years}年，" +
                    $"自{ChineseText.WorkStart(employee)}起算，将于{ChineseText.Date(date)}满足",
                date);
    }
}
