using EnterpriseEval.Engine.Roster.Sources;
using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Workflow.Excel;
using EnterpriseEval.Engine.Roster.Tables;

namespace EnterpriseEval.Workflow.Excel;

/// <summary>
/// One workbook sheet as a table, as HR offices save them (docs/roster.md, Workbooks): the header is the first row,
/// among the first <see cref="HeaderSearchRows"/>, that has a 工号 (<c>employee_id</c>) column, which every roster
/// table has; rows above it (a title such as 「某某公司2026年职称申报花名册」 merged across the top, a blank row) are
/// skipped. A merged range's value applies to every cell of the range. Every later row is a data row with its real
/// spreadsheet row number. A row counts as many fields as the header unless it has values to the right of the
/// header, which the roster reader then rejects as it rejects a CSV row with too many fields.
/// </summary>
internal sealed class XlsxSheetReader : ITableReader
{
    /// <summary>How far down the header row is looked for; with no 工号 column in these rows, row 1 is the header.</summary>
    public const int HeaderSearchRows = 10;

    /// <summary>How wide the rows are read when a sheet's header is only looked at: Excel's 16,384 columns.</summary>
    public const int MaxProbeColumns = 16_384;

    private readonly IEnumerator<string[]> _rows;
    private readonly XlsxMergeFill _merges;

    // Rows read while looking for the header that turn out to be data (only when no header row was found).
    private readonly Queue<string[]> _pending = new();
    private string[] _current = [];

    /// <param name="path">The workbook.</param>
    /// <param name="sheet">The sheet's name.</param>
    /// <param name="guard">
    /// The workbook's checks (<see cref="XlsxGuard"/>), already made by the workbook source; made here when null, with
    /// <paramref name="limits"/> or the default limits.
    /// </param>
    /// <param name="limits">The limits when no guard is given.</param>
    public XlsxSheetReader(string path, string sheet, XlsxGuard? guard = null, RosterLimits? limits = null)
    {
        Name = $"{Path.GetFileName(path)}/{sheet}";
        try
        {
            // The sheet is checked cell by cell first; MiniExcel then walks only the range that holds values.
            var extent = (guard ?? new XlsxGuard(path, limits ?? RosterLimits.Default)).Sheet(sheet);
            _merges = new XlsxMergeFill(extent.Merges);
            _rows = XlsxImport.Rows(path, sheet, extent.LastRow, extent.Columns).GetEnumerator();
            Header = FindHeader();
        }
        catch (Exception e) when (e is not RosterException and not OutOfMemoryException)
        {
            _rows?.Dispose();
            throw Failure(e);
        }
    }

    public string Name { get; }

    public IReadOnlyList<string> Header { get; }

    /// <summary>The spreadsheet row number of the header row (1 unless title rows are above it); 0 for an empty sheet.</summary>
    public int HeaderRow { get; private set; }

    /// <summary>The rows above the header row that were skipped, by row number, with their text (empty for a blank row).</summary>
    public IReadOnlyList<(int Row, string Text)> SkippedRows { get; private set; } = [];

    public int RowNumber { get; private set; }

    public int FieldCount { get; private set; }

    public bool MoveNext()
    {
        string[] row;
        if (_pending.Count > 0)
        {
            row = _pending.Dequeue();
        }
        else
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

            row = _rows.Current;
        }

        RowNumber++;
        _merges.Apply(RowNumber, row, spread: true);
        _current = row;
        FieldCount = Math.Max(Header.Count, LastNonEmpty(_current) + 1);
        return true;
    }

    public ReadOnlySpan<char> Field(int index) => index < _current.Length ? _current[index].AsSpan() : [];

    public void Dispose() => _rows.Dispose();

    /// <summary>
    /// Reads up to <see cref="HeaderSearchRows"/> rows to find the header: the first with a 工号 column. Without one,
    /// row 1 is the header as before (a sheet for plug-ins without 工号 is then ignored; a roster table reports its
    /// missing 工号 column), and the other rows read are replayed as data.
    /// </summary>
    private string[] FindHeader()
    {
        var seen = new List<string[]>(HeaderSearchRows);
        while (seen.Count < HeaderSearchRows && _rows.MoveNext())
        {
            var row = _rows.Current;
            seen.Add(row);
            if (HasEmployeeIdColumn(row))
            {
                break;
            }
        }

        if (seen.Count == 0)
        {
            return [];
        }

        var headerAt = seen.FindIndex(HasEmployeeIdColumn);
        if (headerAt < 0)
        {
            headerAt = 0;
            for (var i = 1; i < seen.Count; i++)
            {
                _pending.Enqueue(seen[i]);
            }
        }

        // Ranges anchored above or in the header are remembered, but nothing is spread into these rows.
        for (var i = 0; i <= headerAt; i++)
        {
            _merges.Apply(i + 1, seen[i], spread: false);
        }

        var skipped = new List<(int, string)>(headerAt);
        for (var i = 0; i < headerAt; i++)
        {
            skipped.Add((i + 1, string.Join(" ", seen[i].Where(c => c.Length > 0).Distinct(StringComparer.Ordinal))));
        }

        SkippedRows = skipped;
        HeaderRow = headerAt + 1;
        RowNumber = HeaderRow;
        return TrimTrailingEmpty(seen[headerAt]);
    }

    private static bool HasEmployeeIdColumn(string[] row) => Array.Exists(row, RosterColumn.EmployeeId.Matches);

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

    // The library's own text (English) stays in the inner exception; the person reads what is wrong and where.
    private RosterException Failure(Exception e) =>
        new(e is IOException or UnauthorizedAccessException
            ? $"无法读取 {Name}：文件被占用或没有读取权限"
            : $"无法读取 {Name}：工作表已损坏，或不是 Excel 保存的 .xlsx 文件（{e.GetType().Name}）", e);
}
