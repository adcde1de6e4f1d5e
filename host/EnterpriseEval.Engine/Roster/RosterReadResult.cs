using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Roster;

/// <summary>What a roster import produced.</summary>
/// <param name="Records">One record per accepted <c>employees.csv</c> row, in file order.</param>
/// <param name="Rejects">Every rejected row or value, in the order the files and rows were read.</param>
/// <param name="EmployeeRowsRead">Data rows seen in <c>employees.csv</c>, accepted or not (blank rows not counted).</param>
/// <param name="HasApplications">
/// Whether the roster has an applications table (<c>applications.csv</c> or the 申报 sheet) with at least one row;
/// when it has, only the employees with application rows are screened, on those rows (docs/rules.md "Which decisions
/// are made"); when it has not, every path is tried for every employee.
/// </param>
/// <param name="ApplicationsWarning">
/// A Chinese warning when the applications table has a header but no rows (read as no applications), else null.
/// </param>
internal sealed record RosterReadResult(
    IReadOnlyList<EmployeeRecord> Records,
    IReadOnlyList<RosterReject> Rejects,
    int EmployeeRowsRead,
    bool HasApplications,
    string? ApplicationsWarning = null)
{
    /// <summary>
    /// What the person should know about how the roster was read, in Chinese: tables with a header and no rows, files
    /// read as GB18030 rather than UTF-8.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
