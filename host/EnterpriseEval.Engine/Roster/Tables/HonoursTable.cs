using EnterpriseEval.Engine.Roster.Fields;
using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Roster.Tables;

/// <summary><c>honours.csv</c>: honours that can open the green channel.</summary>
internal static class HonoursTable
{
    public static readonly RosterColumn Kind = new("kind", "荣誉", required: true);
    public static readonly RosterColumn AwardedOn = new("awarded_on", "授予日期", required: true) { MonthPrecision = MonthPrecision.AssumeLastDay };

    public static readonly RosterTableSchema Schema = new(
        "honours",
        keepsBadOptionalValues: false,
        RosterColumn.EmployeeId,
        Kind,
        AwardedOn);

    public static void Read(RowParser row, EmployeeBuilder employee)
    {
        if (row.Required(Kind, default(HonourKindField), out HonourKind kind) && row.Date(AwardedOn, out var awardedOn))
        {
            employee.Add(new Honour { Kind = kind, AwardedOn = awardedOn, Extra = row.Extra() });
        }
    }
}
