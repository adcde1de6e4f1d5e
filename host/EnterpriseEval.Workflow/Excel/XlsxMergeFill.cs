namespace EnterpriseEval.Workflow.Excel;

/// <summary>
/// Gives every cell of a merged range the value of its top-left cell, row by row as a sheet is read: a department
/// merged down the rows of its employees belongs to each of them (docs/roster.md, Workbooks). Holds only the ranges
/// that the current row lies in.
/// </summary>
/// <param name="ranges">The sheet's merged ranges, ordered by first row (<see cref="XlsxMergedCells"/>).</param>
internal sealed class XlsxMergeFill(IReadOnlyList<XlsxMergedRange> ranges)
{
    private readonly List<(XlsxMergedRange Range, string Value)> _open = [];
    private int _next;

    /// <summary>Whether the sheet has any merged range at all.</summary>
    public bool IsEmpty => ranges.Count == 0;

    /// <summary>
    /// Takes row <paramref name="rowNumber"/> (rows must come in order, each once): remembers the value of every range
    /// whose top-left cell is in it and, when <paramref name="spread"/>, writes the value of each range the row lies in
    /// into the row's cells. A row with no value of its own (a blank row inside a merged department, the lower half
    /// of a person's entry spread over two rows) is left blank, so that it is skipped as a blank row rather than read
    /// as a row holding nothing but a department.
    /// </summary>
    /// <param name="rowNumber">The spreadsheet row number, from 1.</param>
    /// <param name="cells">The row's cells (A is 0), as text; changed in place. Cells past its end are not added.</param>
    /// <param name="spread">False for the header row and the rows above it, which are taken as written.</param>
    public void Apply(int rowNumber, string[] cells, bool spread)
    {
        if (ranges.Count == 0)
        {
            return;
        }

        for (var i = _open.Count - 1; i >= 0; i--)
        {
            if (_open[i].Range.LastRow < rowNumber)
            {
                _open.RemoveAt(i);
            }
        }

        while (_next < ranges.Count && ranges[_next].FirstRow <= rowNumber)
        {
            var range = ranges[_next++];
            if (range.LastRow >= rowNumber)
            {
                // A range whose top-left row was never read (it cannot happen for rows read in order) spreads nothing.
                var value = range.FirstRow == rowNumber && range.FirstColumn < cells.Length ? cells[range.FirstColumn] : "";
                _open.Add((range, value));
            }
        }

        if (!spread || _open.Count == 0 || !HasValue(cells))
        {
            return;
        }

        foreach (var (range, value) in _open)
        {
            var last = Math.Min(range.LastColumn, cells.Length - 1);
            for (var column = range.FirstColumn; column <= last; column++)
            {
                if (rowNumber != range.FirstRow || column != range.FirstColumn)
                {
                    cells[column] = value;
                }
            }
        }
    }

    private static bool HasValue(string[] cells)
    {
        foreach (var cell in cells)
        {
            if (cell.Length > 0)
            {
                return true;
            }
        }

        return false;
    }
}
