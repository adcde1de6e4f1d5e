namespace EnterpriseEval.Engine.Roster.Sources;

/// <summary>
/// Forward-only access to one table: its header, then its rows as trimmed fields. Fields are spans so that
/// validation can parse without allocating; they are valid only until the next <see cref="MoveNext"/>.
/// </summary>
internal interface ITableReader : IDisposable
{
    /// <summary>The name shown in messages and rejects, e.g. <c>titles.csv</c>.</summary>
    string Name { get; }

    /// <summary>Header cells as written (trimmed); empty when the table has no header row (an empty file).</summary>
    IReadOnlyList<string> Header { get; }

    /// <summary>
    /// The spreadsheet row number of the current row: the header is row 1, or in a workbook the row it is on below any
    /// title rows (docs/roster.md, Workbooks).
    /// </summary>
    int RowNumber { get; }

    /// <summary>The number of fields in the current row.</summary>
    int FieldCount { get; }

    /// <summary>Advances to the next data row.</summary>
    /// <exception cref="RosterException">The rest of the table cannot be read.</exception>
    bool MoveNext();

    /// <summary>
    /// The field of the current row where a quote opened that was not closed on its line (a CSV row cut off there,
    /// docs/roster.md), else -1.
    /// </summary>
    int UnclosedQuoteField => -1;

    /// <summary>A field of the current row, unquoted and with surrounding white space removed.</summary>
    ReadOnlySpan<char> Field(int index);

    /// <summary>The table's size in bytes where known (a CSV file), else 0: a rough measure of the work of reading it.</summary>
    long Size => 0;
}
