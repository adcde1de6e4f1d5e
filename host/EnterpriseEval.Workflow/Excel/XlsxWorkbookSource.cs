using EnterpriseEval.Engine.Roster.Sources;
using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Workflow.Excel;
using EnterpriseEval.Engine.Roster.Tables;

namespace EnterpriseEval.Workflow.Excel;

/// <summary>
/// A roster as one <c>.xlsx</c> workbook: each sheet is a table named like the CSV file it replaces (English or
/// Chinese sheet name, <see cref="RosterSheetNames"/>). Sheets are streamed row by row (<see cref="XlsxSheetReader"/>).
/// A workbook with no sheet named for the employees table may still have one: the only sheet that is not named for a
/// table and has a 工号 column, when its header holds every required column of <c>employees</c> (docs/roster.md,
/// Workbooks) — typically the lone <c>Sheet1</c> of a workbook saved as it was created.
/// </summary>
internal sealed class XlsxWorkbookSource : ITableSource
{
    /// <summary>The roster tables, each with the Chinese sheet name messages suggest for it.</summary>
    internal static readonly IReadOnlyList<(RosterTableSchema Schema, string ChineseName)> Tables =
    [
        (EmployeesTable.Schema, "员工"),
        (SkillCertificatesTable.Schema, "技能证书"),
        (TitlesTable.Schema, "职称"),
        (AssessmentsTable.Schema, "年度考核"),
        (HonoursTable.Schema, "荣誉"),
        (AchievementsTable.Schema, "业绩成果"),
        (WorkPeriodsTable.Schema, "工作经历"),
        (ApplicationsTable.Schema, "申报"),
    ];

    private readonly string _path;
    private readonly Dictionary<string, string> _sheets = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _names = [];
    private readonly List<string> _notes = [];
    private readonly HashSet<string> _noted = new(StringComparer.OrdinalIgnoreCase);
    private readonly string? _noEmployeesSheet;
    private readonly XlsxGuard _guard;

    /// <param name="path">The workbook.</param>
    /// <param name="limits">How much of it may be read (docs/security.md, Limits on input); the defaults when null.</param>
    public XlsxWorkbookSource(string path, RosterLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        _path = path;
        if (!File.Exists(path))
        {
            throw new RosterException($"找不到花名册工作簿：{path}");
        }

        // A FIFO named 花名册.xlsx would block the run; a workbook that expands beyond reason is refused before
        // MiniExcel reads a byte of it.
        RosterFiles.EnsureRegular(path);
        _guard = new XlsxGuard(path, limits ?? RosterLimits.Default);
        IReadOnlyList<string> sheets;
        try
        {
            sheets = XlsxImport.SheetNames(path);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new RosterException($"无法读取花名册工作簿 {FileName}：不是有效的 .xlsx 文件或文件被占用", e);
        }

        foreach (var sheet in sheets)
        {
            var table = RosterSheetNames.TableName(sheet);
            if (_sheets.TryAdd(table, sheet))
            {
                _names.Add(table);
            }
        }

        if (!_sheets.ContainsKey(EmployeesTable.Schema.Name))
        {
            _noEmployeesSheet = FindEmployeesSheet(sheets);
        }
    }

    public IReadOnlyList<string> TableNames => _names;

    /// <summary>
    /// What a person should know about how the workbook was read, in Chinese: a sheet taken as the employees table,
    /// title rows skipped above a header. Filled as tables are opened; each said once.
    /// </summary>
    public IReadOnlyList<string> Notes
    {
        get
        {
            lock (_notes)
            {
                return [.. _notes];
            }
        }
    }

    private string FileName => Path.GetFileName(_path);

    public bool Contains(string tableName) => _sheets.ContainsKey(tableName);

    public ITableReader Open(string tableName)
    {
        if (!_sheets.TryGetValue(tableName, out var sheet))
        {
            throw new RosterException(
                _noEmployeesSheet is not null && string.Equals(tableName, EmployeesTable.Schema.Name, StringComparison.OrdinalIgnoreCase)
                    ? _noEmployeesSheet
                    : $"花名册工作簿 {FileName} 中找不到工作表 {tableName}：{_path}");
        }

        var reader = new XlsxSheetReader(_path, sheet, _guard);
        if (reader.SkippedRows.Count > 0)
        {
            Note(tableName, SkippedRowsNote(reader));
        }

        return reader;
    }

    /// <summary>「花名册.xlsx/员工：表头在第 3 行，第 1–2 行（江西某某公司2026年职称申报花名册）作为标题跳过，未作为数据读取」.</summary>
    internal static string SkippedRowsNote(XlsxSheetReader reader)
    {
        var skipped = reader.SkippedRows;
        var rows = skipped.Count == 1 ? $"第 {skipped[0].Row} 行" : $"第 {skipped[0].Row}–{skipped[^1].Row} 行";
        var text = string.Join("；", skipped.Select(s => s.Text).Where(t => t.Length > 0));
        return $"{reader.Name}：表头在第 {reader.HeaderRow} 行，其上的{rows}{(text.Length > 0 ? $"（{text}）" : "（空行）")}作为标题跳过，未作为数据读取";
    }

    private void Note(string key, string note)
    {
        lock (_notes)
        {
            if (_noted.Add(key))
            {
                _notes.Add(note);
            }
        }
    }

    /// <summary>
    /// With no sheet named for <c>employees</c>: takes the one sheet that could only be it, or returns the message that
    /// opening the employees table will give (the sheets found and the names expected).
    /// </summary>
    private string? FindEmployeesSheet(IReadOnlyList<string> sheets)
    {
        var known = Tables.Select(t => t.Schema.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var withEmployeeId = new List<(string Sheet, List<RosterColumn> Missing)>();
        foreach (var sheet in sheets.Where(s => !known.Contains(RosterSheetNames.TableName(s))))
        {
            if (ProbeHeader(sheet) is { } header)
            {
                withEmployeeId.Add((sheet, [.. EmployeesTable.Schema.Columns.Where(c => c.Required && !header.Any(c.Matches))]));
            }
        }

        // Only when no other unnamed sheet has a 工号 column: two candidate tables (employees and titles both left
        // as Sheet1 and Sheet2) must be named, not guessed.
        if (withEmployeeId is [{ Missing.Count: 0 } only])
        {
            var table = RosterSheetNames.TableName(only.Sheet);
            var at = _names.FindIndex(n => string.Equals(n, table, StringComparison.OrdinalIgnoreCase));
            _sheets.Remove(table);
            _sheets[EmployeesTable.Schema.Name] = only.Sheet;
            _names[at] = EmployeesTable.Schema.Name;
            Note(
                "workbook",
                $"{FileName}：没有名为 employees 或 员工 的工作表，工作表“{only.Sheet}”的表头含员工表的全部必需列，已按员工表读取；" +
                "建议将该工作表改名为“员工”");
            return null;
        }

        var found = sheets.Count == 0 ? "（无）" : string.Join("、", sheets.Select(s => $"“{s}”"));
        var why = withEmployeeId switch
        {
            [{ Missing.Count: > 0 } one] =>
                $"工作表“{one.Sheet}”缺少员工表的必需列 {string.Join("、", one.Missing.Select(c => c.Display))}，不能按员工表读取。",
            { Count: > 1 } => $"工作表 {string.Join("、", withEmployeeId.Select(s => $"“{s.Sheet}”"))} 都有工号列，无法判断哪一个是员工表。",
            _ => "",
        };
        return $"花名册工作簿 {FileName} 中没有员工表。工作簿中的工作表：{found}。{why}" +
            $"请将员工表的工作表命名为“员工”或“employees”；其他表可选，命名为 " +
            string.Join("、", Tables.Skip(1).Select(t => $"“{t.ChineseName}”（{t.Schema.Name}）")) +
            "（见 docs/roster.md）";
    }

    /// <summary>
    /// The header row of a sheet (the first of its first rows with a 工号 column), or null when it has none or cannot
    /// be read (a chart sheet, say): such a sheet is not the employees table, and the message lists it anyway.
    /// </summary>
    private string[]? ProbeHeader(string sheet)
    {
        try
        {
            // Only the first rows, however wide or long the sheet says it is (the sheet is checked when it is opened).
            return XlsxImport.Rows(_path, sheet, XlsxSheetReader.HeaderSearchRows, XlsxSheetReader.MaxProbeColumns)
                .FirstOrDefault(row => Array.Exists(row, RosterColumn.EmployeeId.Matches));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }
}
