namespace EnterpriseEval.Runtime.Roster.Sources;

/// <summary>A roster folder: every <c>*.csv</c> file directly inside it is a table named after the file.</summary>
internal sealed class CsvFolderSource : ITableSource
{
    private readonly string _folder;
    private readonly Dictionary<string, string> _paths = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _names = [];

    public CsvFolderSource(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        _folder = folder;
        if (!Directory.Exists(folder))
        {
            throw new RosterException($"找不到花名册文件夹：{folder}");
        }

        string[] files;
        try
        {
            // HR exports come from Windows, where EMPLOYEES.CSV and employees.csv are the same file.
            files = Directory.GetFiles(folder, "*.csv", new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RosterException($"无法读取花名册文件夹：{folder}", e);
        }

        Array.Sort(files, StringComparer.Ordinal);
        foreach (var path in files)
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (_paths.TryAdd(name, path))
            {
                _names.Add(name);
            }
        }
    }

    public IReadOnlyList<string> TableNames => _names;

    public bool Contains(string tableName) => _paths.ContainsKey(tableName);

    /// <summary>Each table is its own file with its own reader.</summary>
    public bool CanReadConcurrently => true;

    public ITableReader Open(string tableName) =>
        _paths.TryGetValue(tableName, out var path)
            ? new CsvTableReader(path)
            : throw new RosterException($"花名册文件夹中找不到 {tableName}.csv：{_folder}");
}
