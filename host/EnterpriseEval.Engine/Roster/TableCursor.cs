using EnterpriseEval.Engine.Roster.Fields;
using EnterpriseEval.Engine.Roster.Sources;
using EnterpriseEval.Engine.Roster.Tables;

namespace EnterpriseEval.Engine.Roster;

/// <summary>
/// One table whose rows belong to employees (everything but <c>employees.csv</c>), read in file order and handed
/// to the employees' builders. A whole import reads it to the end in one go; a streamed import reads it up to the
/// first row of an employee it has not reached yet, and stops there until it has.
/// </summary>
internal sealed class TableCursor : IDisposable
{
    private readonly ITableReader _table;
    private readonly RowParser _row;
    private readonly EmployeeDirectory _employees;
    private readonly OwnerField _owner;
    private readonly Action<RowParser, EmployeeBuilder> _read;
    private EmployeeBuilder? _lastOwner;
    private bool _pending;
    private bool _done;

    /// <param name="table">The open table; the cursor disposes it.</param>
    /// <param name="schema">Its known columns.</param>
    /// <param name="read">Turns one row into the employee's data.</param>
    /// <param name="employees">Every 工号 of <c>employees.csv</c>.</param>
    /// <param name="employeesFile">The name of <c>employees.csv</c> as found, for rejects.</param>
    /// <param name="pool">Shares repeated text values.</param>
    /// <param name="cancellationToken">Checked every few thousand rows.</param>
    public TableCursor(
        ITableReader table,
        RosterTableSchema schema,
        Action<RowParser, EmployeeBuilder> read,
        EmployeeDirectory employees,
        string employeesFile,
        StringPool pool,
        CancellationToken cancellationToken)
    {
        _table = table;
        _row = new RowParser(table, schema, Rejects, pool, cancellationToken);
        _employees = employees;
        _owner = new OwnerField(employees, employeesFile);
        _read = read;
    }

    /// <summary>The file, as named in rejects.</summary>
    public string Name => _table.Name;

    /// <summary>The table's size in bytes where known, else 0.</summary>
    public long Size => _table.Size;

    /// <summary>Whether rows go to a plug-in file's rows of the employee (several such tables fill one dictionary).</summary>
    public bool IsExtraFile { get; init; }

    /// <summary>Whether a table with a header and no rows deserves a warning (<see cref="IsEmpty"/>).</summary>
    public bool WarnsWhenEmpty { get; init; }

    /// <summary>Whether the table was read to its end without a row (blank rows aside), and that deserves a warning.</summary>
    public bool IsEmpty => WarnsWhenEmpty && _done && _row.RowsRead == 0;

    /// <summary>This table's rejects, in row order.</summary>
    public List<RosterReject> Rejects { get; } = [];

    /// <summary>
    /// Reads rows until the first row of an accepted employee at or after position <paramref name="end"/> of
    /// <c>employees.csv</c> (which stays unread until the next call), or to the end of the file. Rows of unknown or
    /// rejected employees are rejected on the way, wherever they are.
    /// </summary>
    /// <param name="start">Employees before this position have been handed out: a row of theirs is out of order.</param>
    /// <param name="end">The first position not to read yet; <see cref="int.MaxValue"/> reads the whole file.</param>
    /// <returns>
    /// <see langword="false"/> when a row belongs to an employee before <paramref name="start"/>: the table does not
    /// list its rows in the order of <c>employees.csv</c>, so a streamed import cannot go on.
    /// </returns>
    public bool ReadUntil(int start, int end)
    {
        while (!_done)
        {
            if (!_pending && !_row.MoveNext())
            {
                _done = true;
                break;
            }

            _pending = false;
            var owner = _employees.Find(_row.EmployeeId, _lastOwner);
            if (owner is { Accepted: true })
            {
                _lastOwner = owner;
                if (owner.Ordinal >= end)
                {
                    _pending = true;
                    return true;
                }

                if (owner.Ordinal < start)
                {
                    return false;
                }

                _read(_row, owner);
            }
            else if (_row.Required(RosterColumn.EmployeeId, _owner, out EmployeeBuilder employee))
            {
                // Not reached: an unknown or rejected 工号 is rejected by the owner field.
                _read(_row, employee);
            }
        }

        return true;
    }

    public void Dispose() => _table.Dispose();
}
