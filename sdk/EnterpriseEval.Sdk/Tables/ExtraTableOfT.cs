using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Plugins;

namespace EnterpriseEval.Sdk.Tables;

/// <summary>
/// A declared extra table whose rows criteria read as <typeparamref name="TRow"/> (<see cref="ExtraTable.Define{TRow}"/>).
/// </summary>
/// <typeparam name="TRow">The plug-in's record for one row.</typeparam>
public sealed class ExtraTable<TRow> : ExtraTable
    where TRow : class
{
    private readonly Func<ExtraRow, TRow> _read;

    internal ExtraTable(string name, string chineseName, IEnumerable<ExtraColumn> columns, Func<ExtraRow, TRow> read, CriterionTopic topic)
        : base(name, chineseName, columns, topic)
    {
        ArgumentNullException.ThrowIfNull(read);
        _read = read;
    }

    /// <summary>
    /// The employee's rows of this table, in file order, made once when the roster was read; empty when the file or
    /// the employee's rows are absent, and on the skill-to-title path when the table is about a topic hidden there.
    /// A look-up among the record's few tables: cheap enough to call in every <see cref="ICriterion.Evaluate"/>.
    /// </summary>
    /// <param name="record">The employee (<see cref="CriterionContext.Record"/>).</param>
    public IReadOnlyList<TRow> RowsOf(EmployeeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var tables = record.Tables;
        for (var i = 0; i < tables.Length; i++)
        {
            if (ReferenceEquals(tables[i].Table, this))
            {
                // The rows of this table were made by its own ToArray: a TRow[] (no checked cast on the hot path).
                return System.Runtime.CompilerServices.Unsafe.As<TRow[]>(tables[i].Rows);
            }
        }

        return [];
    }

    internal override object Read(ExtraRow row) => _read(row);

    internal override Array ToArray(List<object> rows)
    {
        var array = new TRow[rows.Count];
        for (var i = 0; i < array.Length; i++)
        {
            array[i] = (TRow)rows[i];
        }

        return array;
    }
}
