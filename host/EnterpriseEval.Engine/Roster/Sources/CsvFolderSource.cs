using System.Collections.Concurrent;

namespace EnterpriseEval.Engine.Roster.Sources;

/// <summary>
/// A roster folder: every <c>*.csv</c> file directly inside it is a table named after the file, in English or by the
/// Chinese names workbook sheets may have (员工.csv is <c>employees</c>, <see cref="RosterSheetNames"/>).
/// </summary>
internal sealed class CsvFolderSource : ITableSource
{
    private readonly string _folder;
    private readonly Dictionary<string, string> _paths = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _names = [];
    private readonly ConcurrentDictionary<string, bool> _gb18030 = new(StringComparer.Ordinal);
    private readonly RosterLimits _limits;

    /// <param name="folder">The roster folder.</param>
    /// <param name="limits">How much of a file may be read (docs/security.md, Limits on input); the defaults when null.</param>
    public CsvFolderSource(string folder, RosterLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        _folder = folder;
        _limits = limits ?? RosterLimits.Default;
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
            var fileName = Path.GetFileNameWithoutExtension(path);
            var name = RosterSheetNames.TableName(fileName);
            if (!_paths.TryAdd(name, path))
            {
                // Two files for one table (employees.csv and 员工.csv, or Employees.csv beside employees.csv where
                // names have case): which one is meant is the HR officer's to say, not ours to guess.
                throw new RosterException(
                    $"花名册文件夹中 {Path.GetFileName(_paths[name])} 和 {Path.GetFileName(path)} 是同一张表（{name}），请只保留其中一个：{folder}");
            }

            _names.Add(name);
        }
    }

    /// <summary>
    /// A roster path as given to <c>--roster</c>: a CSV file stands for its folder (<c>…/employees.csv</c> or
    /// <c>…/员工.csv</c> is the roster of that folder); a folder or a workbook stays as it is.
    /// </summary>
    /// <exception cref="RosterException">The path names a CSV file that does not exist.</exception>
    public static string FolderOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || Directory.Exists(path))
        {
            return path;
        }

        return File.Exists(path)
            ? Path.GetDirectoryName(Path.GetFullPath(path))!
            : throw new RosterException($"找不到花名册文件：{path}");
    }

    /// <summary>What the summary says about how the files were read: which ones were GB18030, not UTF-8.</summary>
    public IReadOnlyList<string> Warnings =>
        _gb18030.IsEmpty
            ? []
            : [$"{string.Join("、", _gb18030.Keys.Order(StringComparer.Ordinal))} 不是 UTF-8 编码，已按 GB18030（GBK）编码读入" +
               "（Excel“CSV（逗号分隔）”的默认编码）；如有乱码，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”"];

    public IReadOnlyList<string> TableNames => _names;

    public bool Contains(string tableName) => _paths.ContainsKey(tableName);

    /// <summary>Each table is its own file with its own reader.</summary>
    public bool CanReadConcurrently => true;

    public ITableReader Open(string tableName)
    {
        if (!_paths.TryGetValue(tableName, out var path))
        {
            throw new RosterException($"花名册文件夹中找不到 {tableName}.csv：{_folder}");
        }

        // Only a regular file inside the folder: a FIFO named employees.csv would block the run for ever, a link out
        // of the folder would read a file nobody handed over (docs/security.md, Limits on input).
        RosterFiles.EnsureRegular(path, _folder);
        return new CsvTableReader(path, name => _gb18030.TryAdd(name, true), _limits);
    }
}
