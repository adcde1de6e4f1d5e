using EnterpriseEval.Runtime.Excel;

namespace EnterpriseEval.Runtime.Roster.Sources;

/// <summary>
/// A roster as one <c>.xlsx</c> workbook: each sheet is a table named like the CSV file it replaces (English or
/// Chinese sheet name, <see cref="RosterSheetNames"/>). Sheets are streamed row by row.
/// </summary>
internal sealed class XlsxWorkbookSource : ITableSource
{
    private readonly string _path;
    private readonly Dictionary<string, string> _sheets = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _names = [];

    public XlsxWorkbookSource(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        _path = path;
        if (!File.Exists(path))
        {
            throw new RosterException($"找不到花名册工作簿：{path}");
        }

        IReadOnlyList<string> sheets;
        try
        {
            sheets = XlsxImport.SheetNames(path);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new RosterException($"无法读取花名册工作簿 {Path.GetFileName(path)}：不是有效的 .xlsx 文件或文件被占用", e);
        }

        foreach (var sheet in sheets)
        {
            var table = RosterSheetNames.TableName(sheet);
            if (_sheets.TryAdd(table, sheet))
            {
                _names.Add(table);
            }
        }
    }

    public IReadOnlyList<string> TableNames => _names;

    public bool Contains(string tableName) => _sheets.ContainsKey(tableName);

    public ITableReader Open(string tableName) =>
        _sheets.TryGetValue(tableName, out var sheet)
            ? new XlsxSheetReader(_path, sheet)
            : throw new RosterException($"花名册工作簿中找不到工作表 {tableName}：{_path}");
}
