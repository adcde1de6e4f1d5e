using EnterpriseEval.Engine.Roster.Fields;
using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Roster.Tables;

/// <summary><c>achievements.csv</c>: achievements for the performance review; 类别 is free text.</summary>
internal static class AchievementsTable
{
    public static readonly RosterColumn Kind = new("kind", "类别", required: true);
    public static readonly RosterColumn Title = new("title", "名称");
    public static readonly RosterColumn Date = new("date", "日期", required: true) { MonthPrecision = MonthPrecision.AssumeLastDay };
    public static readonly RosterColumn Rank = new("rank", "等次");

    public static readonly RosterTableSchema Schema = new(
        "achievements",
        keepsBadOptionalValues: false,
        RosterColumn.EmployeeId,
        Kind,
        Title,
        Date,
        Rank);

    public static void Read(RowParser row, EmployeeBuilder employee)
    {
        if (row.SharedText(Kind, out var kind)
            && row.Text(Title, out var title)
            && row.Date(Date, out var date)
            && row.SharedText(Rank, out var rank))
        {
            employee.Add(new Achievement { Kind = kind, Title = title, Date = date, Rank = rank, Extra = row.Extra() });
        }
    }
}
