namespace EnterpriseEval.Engine.Roster.Tables;

/// <summary>The known columns of one roster table.</summary>
/// <param name="name">The table name: the file name without <c>.csv</c>.</param>
/// <param name="keepsBadOptionalValues">
/// Whether a bad value in an optional column only drops that value (true for <c>employees.csv</c>, so that a typo
/// in 出生日期 does not keep a person out of screening) instead of rejecting the row.
/// </param>
/// <param name="columns">The known columns, <see cref="RosterColumn.EmployeeId"/> first.</param>
internal sealed class RosterTableSchema(string name, bool keepsBadOptionalValues, params RosterColumn[] columns)
{
    public string Name { get; } = name;

    public bool KeepsBadOptionalValues { get; } = keepsBadOptionalValues;

    public IReadOnlyList<RosterColumn> Columns { get; } = columns;
}
