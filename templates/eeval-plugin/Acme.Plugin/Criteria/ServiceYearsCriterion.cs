using System.Globalization;
using Acme.Plugin.Roster;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Plugins;
using EnterpriseEval.Sdk.Screening;
using Microsoft.Extensions.Options;

namespace Acme.Plugin.Criteria;

/// <summary>
/// 本企业工龄 (办法第八条): an employee may apply for a title, or for a higher skill level, only after working at the
/// firm for the configured number of years, counted from the hire date (入职日期) to the cut-off; periods away from the
/// post (离岗, <c>service_breaks.csv</c>, declared in <see cref="ServiceBreaks"/>) up to the cut-off do not count.
/// </summary>
internal sealed class ServiceYearsCriterion(IOptions<AcmePluginOptions> options) : ICriterion
{
    private readonly int _years = options.Value.Validated().MinimumServiceYears;

    public string Id => "ACME-SERVICE";

    public string Citation => "《示例机械有限公司技能人才评价管理办法》第八条";

    // Service years are not education, papers, foreign language or computer skills (96号 二（二）1), so the criterion
    // also holds on the skill-to-title path.
    public CriterionTopic Topic => CriterionTopic.Other;

    public bool AppliesTo(ScreeningPath path) => path is ScreeningPath.SkillToTitle or ScreeningPath.SkillPromotion;

    public Finding? Evaluate(CriterionContext context)
    {
        var hired = context.Record.Employee.HireDate;
        var since = hired.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

        // The rows arrive typed (ServiceBreaks): a date the roster reader could not read is in rejects.csv, not here.
        var away = 0;
        foreach (var pause in ServiceBreaks.Table.RowsOf(context.Record))
        {
            var end = pause.To is { } to && to < context.AsOf ? to : context.AsOf;
            away += Math.Max(0, end.DayNumber - pause.From.DayNumber);
        }

        var metOn = hired.AddYears(_years).AddDays(away);
        var breaks = away > 0 ? $"，扣除离岗{away}天" : "";

        // Only time is missing: the date lets the decision say when the employee becomes eligible.
        return metOn <= context.AsOf
            ? context.Met($"{since}入职{breaks}，本企业工龄已满{_years}年")
            : context.Fail($"{since}入职{breaks}，本企业工龄未满{_years}年", metOn);
    }
}
