using EnterpriseEval.Engine.Roster.Fields;
using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Roster.Tables;

/// <summary><c>work_periods.csv</c>: periods of technical-skill or other work (docs/rules.md, "Dates").</summary>
internal static class WorkPeriodsTable
{
    public static readonly RosterColumn Start = new("start", "开始日期", required: true) { MonthPrecision = MonthPrecision.AssumeLastDay };
    public static readonly RosterColumn End = new("end", "结束日期") { MonthPrecision = MonthPrecision.AssumeFirstDay };
    public static readonly RosterColumn Kind = new("kind", "工作性质", required: true);

    public static readonly RosterTableSchema Schema = new(
        "work_periods",
        keepsBadOptionalValues: false,
        RosterColumn.EmployeeId,
        Start,
        End,
        Kind);

    public static void Read(RowParser row, EmployeeBuilder employee)
    {
        if (!(row.Date(Start, out var start) && row.OptionalDate(End, out var end) && row.Code(Kind, out WorkKind kind)))
        {
            return;
        }

        if (end < start)
        {
            row.Reject(End, $"结束日期早于开始日期（{start:yyyy-MM-dd}）");
            return;
        }

        employee.Add(new WorkPeriod { Start = start, End = end, Kind = kind, Extra = row.Extra() });
    }
}
