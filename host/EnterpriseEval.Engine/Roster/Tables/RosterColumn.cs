using EnterpriseEval.Engine.Roster.Fields;

namespace EnterpriseEval.Engine.Roster.Tables;

/// <summary>A known column of a roster table (docs/roster.md): its English and Chinese header.</summary>
/// <param name="name">The English header, matched without regard to case.</param>
/// <param name="chineseName">The Chinese header, matched exactly.</param>
/// <param name="required">Whether the header must be present and every row must give a value.</param>
internal sealed class RosterColumn(string name, string chineseName, bool required = false)
{
    private static int s_columns;

    /// <summary><c>employee_id</c> 工号: the key of <c>employees.csv</c> and the owner of every other row.</summary>
    public static readonly RosterColumn EmployeeId = new("employee_id", "工号", required: true);

    public string Name { get; } = name;

    public string ChineseName { get; } = chineseName;

    public bool Required { get; } = required;

    /// <summary>For a date column, what a value written only to the month means (docs/roster.md).</summary>
    public MonthPrecision MonthPrecision { get; init; }

    /// <summary>A small number unique to this column, so that a header map finds it with an array look-up.</summary>
    public int Key { get; } = Interlocked.Increment(ref s_columns) - 1;

    /// <summary>How messages name the column: <c>hire_date（入职日期）</c>.</summary>
    public string Display => $"{Name}（{ChineseName}）";

    public bool Matches(string header) =>
        header.Equals(Name, StringComparison.OrdinalIgnoreCase) || header.Equals(ChineseName, StringComparison.Ordinal);

    public override string ToString() => Display;
}
