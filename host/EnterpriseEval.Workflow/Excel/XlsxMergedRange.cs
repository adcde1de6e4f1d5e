namespace EnterpriseEval.Workflow.Excel;

/// <summary>
/// A merged range of a sheet (<c>&lt;mergeCell ref="G3:G9"/&gt;</c>): rows numbered as the spreadsheet shows them
/// (from 1), columns from 0 (A is 0). Its value is the value of its top-left cell.
/// </summary>
internal readonly record struct XlsxMergedRange(int FirstRow, int FirstColumn, int LastRow, int LastColumn)
{
    /// <summary>Parses <c>A1:C3</c> (a single cell such as <c>A1</c> merges nothing and is refused).</summary>
    public static bool TryParse(ReadOnlySpan<char> reference, out XlsxMergedRange range)
    {
        range = default;
        var colon = reference.IndexOf(':');
        if (colon < 0
            || !TryParseCell(reference[..colon], out var firstRow, out var firstColumn)
            || !TryParseCell(reference[(colon + 1)..], out var lastRow, out var lastColumn))
        {
            return false;
        }

        range = new XlsxMergedRange(
            Math.Min(firstRow, lastRow), Math.Min(firstColumn, lastColumn), Math.Max(firstRow, lastRow), Math.Max(firstColumn, lastColumn));
        return true;
    }

    /// <summary>Parses a cell reference such as <c>AB12</c> (or <c>$AB$12</c>).</summary>
    internal static bool TryParseCell(ReadOnlySpan<char> cell, out int row, out int column)
    {
        row = 0;
        column = -1;
        var i = 0;
        if (i < cell.Length && cell[i] == '$')
        {
            i++;
        }

        var letters = 0;
        var col = 0;
        for (; i < cell.Length && char.IsAsciiLetter(cell[i]); i++)
        {
            col = (col * 26) + (char.ToUpperInvariant(cell[i]) - 'A' + 1);
            if (++letters > 3)
            {
                return false;
            }
        }

        if (i < cell.Length && cell[i] == '$')
        {
            i++;
        }

        var digits = 0;
        var r = 0;
        for (; i < cell.Length && char.IsAsciiDigit(cell[i]); i++)
        {
            r = (r * 10) + (cell[i] - '0');
            if (++digits > 7)
            {
                return false;
            }
        }

        if (letters == 0 || digits == 0 || i != cell.Length || r == 0)
        {
            return false;
        }

        row = r;
        column = col - 1;
        return true;
    }
}
