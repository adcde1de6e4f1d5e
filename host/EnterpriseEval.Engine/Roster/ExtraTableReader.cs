using EnterpriseEval.Engine.Roster.Fields;
using EnterpriseEval.Engine.Roster.Tables;
using EnterpriseEval.Sdk.Plugins;
using EnterpriseEval.Sdk.Tables;

namespace EnterpriseEval.Engine.Roster;

/// <summary>
/// Reads a plug-in's declared extra table (docs/roster.md, "Files for plug-ins") with the roster's own parsers: each
/// declared column through <see cref="RowParser"/>, so a bad value rejects the row in <c>rejects.csv</c> with file, row,
/// column, value and reason, exactly as in the roster's own tables; each row that stands is turned once into the
/// plug-in's record by the table's factory and kept with the employee. One reader per import of the table: its
/// <see cref="ExtraRow"/> is reused row after row.
/// </summary>
internal sealed class ExtraTableReader
{
    private readonly ExtraTable _table;
    private readonly RosterColumn[] _columns;
    private readonly string[] _codeReasons;
    private readonly int[] _hidden;
    private readonly ExtraRow _row;

    public ExtraTableReader(ExtraTable table)
    {
        _table = table;
        _columns = [.. table.Columns.Select(c => new RosterColumn(c.Name, c.ChineseName, c.Required) { MonthPrecision = MonthPrecision.AssumeLastDay })];
        _codeReasons = [.. table.Columns.Select(c => c.Type == ExtraColumnType.Code
            ? $"{c.ChineseName}应为以下取值之一：{string.Join("、", c.Codes.Select(v => $"{v.ChineseName}（{v.Code}）"))}"
            : "")];
        _hidden = table.Topic == CriterionTopic.Other
            ? [.. table.Columns.Where(c => c.Topic != CriterionTopic.Other).Select(c => c.Index)]
            : [];
        Schema = new RosterTableSchema(table.Name, keepsBadOptionalValues: false, [RosterColumn.EmployeeId, .. _columns]);
        _row = new ExtraRow(table);
    }

    /// <summary>The table's columns as the roster reader knows them: <c>employee_id</c>, then the declared ones.</summary>
    public RosterTableSchema Schema { get; }

    /// <summary>Reads one row into the employee's rows of the table, or rejects it.</summary>
    public void Read(RowParser row, EmployeeBuilder employee)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            if (!ReadValue(row, i))
            {
                return;
            }
        }

        _row.EmployeeId = employee.Id;
        _row.FileName = row.FileName;
        _row.RowNumber = row.RowNumber;
        if (Make(row) is not { } item)
        {
            return;
        }

        // On the skill-to-title path a table about a hidden topic is not shown at all, and a column about one reads as
        // blank (96号 二（二）1): the row is made a second time without it, once, here.
        object? shown = item;
        if (_table.Topic != CriterionTopic.Other)
        {
            shown = null;
        }
        else if (_hidden.Length > 0)
        {
            foreach (var index in _hidden)
            {
                _row.Clear(index);
            }

            shown = Make(row);
        }

        employee.AddTableRow(_table, item, shown);
    }

    private bool ReadValue(RowParser row, int i)
    {
        var column = _columns[i];
        var declared = _table.Columns[i];
        switch (declared.Type)
        {
            case ExtraColumnType.Date:
            {
                if (!row.DeclaredDate(column, out var date))
                {
                    return false;
                }

                _row.SetDate(i, date);
                return true;
            }

            case ExtraColumnType.Integer:
            {
                if (!row.Value(column, default(IntegerField), out int value, out var present))
                {
                    return false;
                }

                _row.SetInteger(i, present ? value : null);
                return true;
            }

            case ExtraColumnType.Decimal:
            {
                if (!row.Value(column, default(DecimalField), out decimal value, out var present))
                {
                    return false;
                }

                _row.SetDecimal(i, present ? value : null);
                return true;
            }

            case ExtraColumnType.Code:
            {
                if (!row.Value(column, new DeclaredCodeField(declared, _codeReasons[i]), out string code, out var present))
                {
                    return false;
                }

                _row.SetText(i, present ? code : "");
                return true;
            }

            default:
            {
                if (!row.SharedText(column, out var text))
                {
                    return false;
                }

                _row.SetText(i, text);
                return true;
            }
        }
    }

    // The factory is the plug-in's code: one that throws rejects the row, naming the table, never the import.
    private object? Make(RowParser row)
    {
        try
        {
            return _table.Read(_row) ?? throw new InvalidOperationException("the factory returned null");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            row.RejectRow($"插件读取{_table.ChineseName}（{_table.Name}）此行时出错（{e.GetType().Name}：{e.Message}），已跳过此行");
            return null;
        }
    }
}
