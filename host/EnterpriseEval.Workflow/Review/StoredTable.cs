namespace EnterpriseEval.Workflow.Review;

/// <summary>One roster table as imported into a batch: its name, the name shown in rejects, its header and raw rows.</summary>
/// <param name="Name">The table name (<c>employees</c>, <c>titles</c> …).</param>
/// <param name="DisplayName">The file or sheet as named in rejects (<c>employees.csv</c>, <c>roster.xlsx/员工</c>).</param>
/// <param name="Header">The header cells as written.</param>
/// <param name="Rows">The data rows, raw, streamed when saving.</param>
internal sealed record StoredTable(string Name, string DisplayName, IReadOnlyList<string> Header, IEnumerable<StoredRow> Rows);
