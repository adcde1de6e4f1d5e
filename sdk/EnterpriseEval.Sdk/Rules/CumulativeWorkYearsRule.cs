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
        var source = perOccupation ? $"按{occupation}工种的配置" : "按项目默认配置";
        var head = $"{source}，申请{target.ToChinese()}评价须累计工作满{years}年，自{ChineseText.WorkStart(employee)}起算";
        return date <= facts.AsOf
            ? Finding.Create(ruleId, Clauses.TitleToSkill, FindingKind.Met, $"{head}，已于{ChineseText.Date(date)}满足")
            : Finding.Create(ruleId, Clauses.TitleToSkill, FindingKind.Failed, $"{head}，将于{ChineseText.Date(date)}满足", date);
    }
}
