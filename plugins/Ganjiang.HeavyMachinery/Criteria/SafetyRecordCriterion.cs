using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Plugins;
using EnterpriseEval.Sdk.Screening;
using Ganjiang.HeavyMachinery.Roster;

namespace Ganjiang.HeavyMachinery.Criteria;

/// <summary>
/// 安全生产 (办法第十五条): no 重大 (or 特别重大) safety incident for which the employee bears responsibility in the three
/// years up to the cut-off. Data: <c>safety_incidents.csv</c> (employee_id, date, severity), declared in
/// <see cref="FirmTables.SafetyIncidents"/>. 一般 and 较大 incidents are mentioned but do not bar the application.
/// </summary>
internal sealed class SafetyRecordCriterion : ICriterion
{
    private const int BarYears = 3;

    // The period's wording depends on the cut-off only, which is one per run: made once, swapped whole (criteria run
    // in parallel), so a decision costs no date formatting.
    private Period? _period;

    public string Id => "GJ-SAFETY";

    public string Citation => Regulation.Safety;

    public CriterionTopic Topic => CriterionTopic.Other;

    public bool AppliesTo(ScreeningPath path) => true;

    public Finding? Evaluate(CriterionContext context)
    {
        // Rows arrive typed (FirmTables.SafetyIncidents): a date or severity the roster reader could not read is in
        // rejects.csv, never here. The finding depends on the rows and the cut-off only: made once for an employee's
        // decisions, and once for all employees without incidents (LastFinding).
        var incidents = FirmTables.SafetyIncidents.RowsOf(context.Record);
        return LastFinding<SafetyRecordCriterion>.TryGet(this, incidents, context.AsOf, out var last)
            ? last
            : LastFinding<SafetyRecordCriterion>.Keep(this, incidents, context.AsOf, Judge(context, incidents));
    }

    private Finding Judge(CriterionContext context, IReadOnlyList<SafetyIncident> incidents)
    {
        var period = _period is { } cached && cached.AsOf == context.AsOf ? cached : _period = Period.Of(context.AsOf);
        var lesser = 0;
        var serious = 0;
        var latest = DateOnly.MinValue;
        foreach (var incident in incidents)
        {
            if (incident.Date < period.From || incident.Date > context.AsOf)
            {
                continue;
            }

            if (incident.Bars)
            {
                serious++;
                latest = incident.Date > latest ? incident.Date : latest;
            }
            else
            {
                lesser++;
            }
        }

        if (serious > 0)
        {
            // The bar lifts once the latest serious incident lies more than three years before the cut-off.
            return context.Fail(
                $"{period.Text}期间负有责任的重大安全事故{serious}起（最近一起发生于{Wording.Chinese(latest)}），事故发生之日起{BarYears}年内不得申报",
                latest.AddYears(BarYears));
        }

        return lesser > 0
            ? context.Met($"{period.Text}期间无重大安全责任事故（有一般或较大事故{lesser}起，不影响申报）")
            : context.Met(period.NoIncident);
    }

    private sealed record Period(DateOnly AsOf, DateOnly From, string Text, string NoIncident)
    {
        public static Period Of(DateOnly asOf)
        {
            var from = asOf.AddYears(-BarYears).AddDays(1);
            var text = $"{Wording.Chinese(from)}至{Wording.Chinese(asOf)}";
            return new Period(asOf, from, text, $"{text}期间无重大安全责任事故");
        }
    }
}
