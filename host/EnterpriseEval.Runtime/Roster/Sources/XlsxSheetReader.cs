using EnterpriseEval.Runtime.Excel;

namespace EnterpriseEval.Runtime.Roster.Sources;

/// <summary>
/// One workbook sheet as a table: row 1 is the header, every later row a data row with its spreadsheet row number.
/// A row counts as many fields as the header unless it has values to the right of the header, which the roster
/// reader then rejects as it rejects a CSV row with too many fields.
/// </summary>
internal sealed class XlsxSheetReader : ITableReader
{
    private readonly IEnumerator<string[]> _rows;
    private string[] _current = [];

    public XlsxSheetReader(string path, string sheet)
    {
        Name = $"{Path.GetFileName(path)}/{sheet}";
        try
        {
            _rows = XlsxImport.Rows(path, sheet).GetEnumerator();
            Header = _rows.MoveNext() ? TrimTrailingEmpty(_rows.Current) : [];
        }
        catch (Exception e) when (e is not RosterException and not OutOfMemoryException)
        {
            throw Failure(e);
        }
    }

    public string Name { get; }

    public IReadOnlyList<string> Header { get; }

    public int RowNumber { get; private set; } = 1;

    public int FieldCount { get; private set; }

    public bool MoveNext()
    {
        try
        {
            if (!_rows.MoveNext())
            {
                return false;
            }
        }
        catch (Exception e) when (e is not RosterException and not OutOfMemoryException)
        {
            throw Failure(e);
        }

        RowNumber++;
        _current = _rows.Current;
        FieldCount = Math.Max(Header.Count, LastNonEmpty(_current) + 1);
        return true;
    }

    public ReadOnlySpan<char> Field(int index) => index < _current.Length ? _current[index].AsSpan() : [];

    public void Dispose() => _rows.Dispose();

    private static string[] TrimTrailingEmpty(string[] cells) => cells[..(LastNonEmpty(cells) + 1)];

    private static int LastNonEmpty(string[] cells)
    {
        var last = cells.Length - 1;
        while (last >= 0 && cells[last].Length == 0)
        {
            last--;
        }

        return last;
    }

    private RosterException Failure(Exception e) => new($"无法读取 {Name}：工作表已损坏或文件被占用（{e.Message}）", e);
}
