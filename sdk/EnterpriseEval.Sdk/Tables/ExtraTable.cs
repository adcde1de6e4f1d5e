using EnterpriseEval.Sdk.Plugins;

namespace EnterpriseEval.Sdk.Tables;

/// <summary>
/// A further roster file a plug-in reads (docs/plugin-authoring.md, "Reading extra columns and files"), declared with
/// <see cref="IPluginBuilder.AddExtraTable"/>: the runtime reads it once at import with the roster's own parsers, sends
/// bad values to <c>rejects.csv</c>, and hands criteria typed rows (<see cref="ExtraTable{TRow}.RowsOf"/>).
/// </summary>
public abstract class ExtraTable
{
    private readonly List<string> _problems = [];

    private protected ExtraTable(string name, string chineseName, IEnumerable<ExtraColumn> columns, CriterionTopic topic)
    {
        Name = (name ?? "").Trim();
        ChineseName = (chineseName ?? "").Trim();
        Topic = topic;
        var list = new List<ExtraColumn>();
        foreach (var column in columns ?? [])
        {
            if (column is null)
            {
                _problems.Add("列表中有空的列");
                continue;
            }

            if (column.Table is not null)
            {
                _problems.Add($"列 {column.Display}已属于表 {column.Table.Name}，一列只能属于一张表");
                continue;
            }

            column.Table = this;
            column.Index = list.Count;
            list.Add(column);
        }

        Columns = list;
        Check();
    }

    /// <summary>The file name without <c>.csv</c> (or the sheet name of a workbook), e.g. <c>apprentices</c>.</summary>
    public string Name { get; }

    /// <summary>The file's Chinese name, e.g. 带徒记录, as messages and <c>plugins list</c> show it.</summary>
    public string ChineseName { get; }

    /// <summary>The declared columns, in declaration order (the <c>employee_id</c> 工号 column is implied).</summary>
    public IReadOnlyList<ExtraColumn> Columns { get; }

    /// <summary>
    /// What the whole table is about: a table about education, papers, foreign language or computer skills is hidden
    /// from criteria on the skill-to-title path (96号 二（二）1).
    /// </summary>
    public CriterionTopic Topic { get; }

    /// <summary>What is wrong with the declaration (Chinese), found when it was made; checked when the plug-in loads.</summary>
    internal IReadOnlyList<string> Problems => _problems;

    /// <summary>Whether criteria on the skill-to-title path see less of the table than the rest.</summary>
    internal bool HidesOnSkillToTitle => Topic != CriterionTopic.Other || Columns.Any(c => c.Topic != CriterionTopic.Other);

    /// <summary>
    /// Declares an extra table whose rows criteria read as <typeparamref name="TRow"/>. Declare it once (a static
    /// field) and register it in <see cref="IEnterprisePlugin.Configure"/> with <see cref="IPluginBuilder.AddExtraTable"/>.
    /// </summary>
    /// <typeparam name="TRow">The plug-in's record for one row.</typeparam>
    /// <param name="name">The file name without <c>.csv</c>.</param>
    /// <param name="chineseName">The file's Chinese name.</param>
    /// <param name="columns">The columns the plug-in reads (other columns of the file are ignored).</param>
    /// <param name="read">Turns a parsed row into the plug-in's record, once per row at import; it must be pure.</param>
    /// <param name="topic">What the whole table is about (<see cref="CriterionTopic.Other"/> for most tables).</param>
    public static ExtraTable<TRow> Define<TRow>(
        string name, string chineseName, IEnumerable<ExtraColumn> columns, Func<ExtraRow, TRow> read, CriterionTopic topic = CriterionTopic.Other)
        where TRow : class => new(name, chineseName, columns, read, topic);

    /// <summary>Turns one parsed row into the plug-in's record.</summary>
    internal abstract object Read(ExtraRow row);

    /// <summary>The rows read for one employee, as the typed array <see cref="ExtraTable{TRow}.RowsOf"/> returns.</summary>
    internal abstract Array ToArray(List<object> rows);

    /// <inheritdoc/>
    public override string ToString() => $"{Name}（{ChineseName}）";

    private void Check()
    {
        if (Name.Length == 0)
        {
            _problems.Add("文件名为空");
        }
        else if (Name.AsSpan().IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            _problems.Add($"文件名“{Name}”不可用：应为不含扩展名 .csv 和路径符号的文件名");
        }

        if (ChineseName.Length == 0)
        {
            _problems.Add("缺少中文名称");
        }

        if (Columns.Count == 0)
        {
            _problems.Add("没有声明任何列");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "employee_id", "工号" };
        foreach (var column in Columns)
        {
            if (column.Name.Length == 0 || column.ChineseName.Length == 0)
            {
                _problems.Add($"列“{column.Name}{column.ChineseName}”缺少英文或中文列名");
                continue;
            }

            if (!names.Add(column.Name) || !names.Add(column.ChineseName))
            {
                _problems.Add($"列 {column.Display}重复（或与 employee_id（工号）同名）");
            }

            if (column.Type == ExtraColumnType.Code)
            {
                if (column.Codes.Count == 0)
                {
                    _problems.Add($"代码列 {column.Display}没有列出任何取值");
                }

                var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var code in column.Codes)
                {
                    if (code is null || string.IsNullOrWhiteSpace(code.Code) || string.IsNullOrWhiteSpace(code.ChineseName))
                    {
                        _problems.Add($"代码列 {column.Display}有取值缺少英文代码或中文名称");
                    }
                    else if (!codes.Add(code.Code.Trim()) || !codes.Add(code.ChineseName.Trim()))
                    {
                        _problems.Add($"代码列 {column.Display}的取值“{code.Code}（{code.ChineseName}）”重复");
                    }
                }
            }
        }
    }
}
