using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Plugins;
using EnterpriseEval.Sdk.Screening;
using Ganjiang.HeavyMachinery.Roster;

namespace Ganjiang.HeavyMachinery.Criteria;

/// <summary>
/// 安全生产 (办法第十五条): no 重大 (or 特别重大) safety incident for which the employee bears responsibility in the three
/// years up to the cut-off. Data: <c>safety_incidents.csv</c> (employee_id, date, severity). 一般 and 较大 incidents are
/// mentioned but do not bar the application.
/// </summary>
internal sealed class SafetyRecordCriterion : ICriterion
{
    private const string File = "safety_incidents";
    private const int BarYears = 3;
    private static readonly ExtraColumn Date = new("date", "日期");
    private static readonly ExtraColumn Severity = new("severity", "事故等级");

    /// <summary>Severity as written in the file → whether it bars the application. GB 6441 grades, Chinese or English.</summary>
    private static readonly Dictionary<string, bool> Bars = new(StringComparer.OrdinalIgnoreCase)
    {
        ["一般"] = false,
        ["general"] = false,
        ["较大"] = false,
        ["major"] = false,
        ["重大"] = true,
        ["serious"] = true,
        ["特别重大"] = true,
        ["especially_serious"] = true,
    };

    public string Id => "GJ-SAFETY";

    public string Citation => Regulation.Safety;

    public CriterionTopic Topic => CriterionTopic.Other;

    public bool AppliesTo(ScreeningPath path) => true;

    public Finding? Evaluate(CriterionContext context)
    {
        var from = context.AsOf.AddYears(-BarYears).AddDays(1);
        var period = $"{ExtraRows.Chinese(from)}至{ExtraRows.Chinese(context.AsOf)}";
        var lesser = 0;
        var serious = new List<DateOnly>();
        foreach (var row in ExtraRows.Of(context.Record, File))
        {
            if (!ExtraRows.TryDate(Date.Read(row), out var date))
            {
                return context.Review($"{File}.csv 中事故日期“{Date.Read(row)}”无法识别，请核实");
            }

            if (date < from || date > context.AsOf)
            {
                continue;
            }

            var severity = Severity.Read(row).Replace("事故", "", StringComparison.Ordinal);
            if (!Bars.TryGetValue(severity, out var bars))
            {
                return context.Review($"{File}.csv 中{ExtraRows.Chinese(date)}事故的等级“{Severity.Read(row)}”无法识别（应为一般、较大、重大或特别重大），请核实");
            }

            if (bars)
            {
                serious.Add(date);
            }
            else
            {
                lesser++;
            }
        }

        if (serious.Count > 0)
        {
            // The bar lifts once the latest serious incident lies more than three years before the cut-off.
            var latest = serious.Max();
            return context.Fail(
                $"{period}期间负有责任的重大安全事故{serious.Count}起（最近一起发生于{ExtraRows.Chinese(latest)}），事故发生之日起{BarYears}年内不得申报",
                latest.AddYears(BarYears));
        }

        return context.Met(lesser > 0
            ? $"{period}期间无重大安全责任事故（有一般或较大事故{lesser}起，不影响申报）"
            : $"{period}期间无重大安全责任事故");
    }
}
