namespace EnterpriseEval.Engine.Roster;

/// <summary>
/// One line of <c>rejects.csv</c>: a roster row (or, in <c>employees.csv</c>, a single optional value) that was not taken.
/// </summary>
/// <param name="File">The file name as found, e.g. <c>titles.csv</c>.</param>
/// <param name="Row">The spreadsheet row number: the header is row 1, the first data row is row 2.</param>
/// <param name="Column">The header as written in the file; empty when the whole row is at fault (wrong field count).</param>
/// <param name="Value">The offending value as written (trimmed); for a wrong field count, the row's fields joined by commas.</param>
/// <param name="Reason">Why, in Chinese.</param>
internal sealed record RosterReject(string File, int Row, string Column, string Value, string Reason);
