using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Runtime.Roster;

/// <summary>What a roster import produced.</summary>
/// <param name="Records">One record per accepted <c>employees.csv</c> row, in file order.</param>
/// <param name="Rejects">Every rejected row or value, in the order the files and rows were read.</param>
/// <param name="EmployeeRowsRead">Data rows seen in <c>employees.csv</c>, accepted or not (blank rows not counted).</param>
/// <param name="HasApplications">
/// Whether the roster has an <c>applications.csv</c> with a header; when it does not, screening tries every path
/// for every employee (SPEC §6).
/// </param>
internal sealed record RosterReadResult(
    IReadOnlyList<EmployeeRecord> Records,
    IReadOnlyList<RosterReject> Rejects,
    int EmployeeRowsRead,
    bool HasApplications)
{
    /// <summary>
    /// What the person should know about how the roster was read, in Chinese: tables with a header and no rows, files
    /// read as GB18030 rather than UTF-8.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
