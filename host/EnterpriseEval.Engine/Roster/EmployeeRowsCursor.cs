using EnterpriseEval.Engine.Roster.Fields;
using EnterpriseEval.Engine.Roster.Sources;
using EnterpriseEval.Engine.Roster.Tables;

namespace EnterpriseEval.Engine.Roster;

/// <summary>
/// The second pass of a streamed import over <c>employees.csv</c>: the first pass (<see cref="EmployeesTable.Claim"/>)
/// only claimed each 工号 and checked the required columns; this builds the employees of the accepted rows a chunk at
/// a time, on a reader thread, while earlier chunks are screened. Reports only what the first pass did not look at:
/// bad optional values.
/// </summary>
internal sealed class EmployeeRowsCursor : IDisposable
{
    private readonly ITableReader _table;
    private readonly RowParser _row;
    private readonly IReadOnlyList<EmployeeBuilder> _employees;
    private bool _onRow;

    /// <param name="table">employees.csv, opened again; the cursor disposes it.</param>
    /// <param name="employees">Every 工号 claimed by the first pass, in file order.</param>
    /// <param name="pool">Shares repeated text values.</param>
    /// <param name="cancellationToken">Checked every few thousand rows.</param>
    public EmployeeRowsCursor(ITableReader table, IReadOnlyList<EmployeeBuilder> employees, StringPool pool, CancellationToken cancellationToken)
    {
        _table = table;
        _row = new RowParser(table, EmployeesTable.Schema, Rejects, pool, cancellationToken, reportWrongFieldCount: false);
        _employees = employees;
    }

    /// <summary>The file's size in bytes where known, else 0.</summary>
    public long Size => _table.Size;

    /// <summary>Bad optional values of the rows built so far, in row order.</summary>
    public List<RosterReject> Rejects { get; } = [];

    /// <summary>Builds the employees of the accepted 工号 at positions [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public void BuildUntil(int start, int end)
    {
        end = Math.Min(end, _employees.Count);
        for (var i = start; i < end; i++)
        {
            var builder = _employees[i];
            if (!builder.Accepted)
            {
                continue;
            }

            // Rows come in file order and each accepted 工号 has its own row: skip to it.
            while (!_onRow || _row.RowNumber < builder.Row)
            {
                if (!_row.MoveNext())
                {
                    throw new RosterException($"{_table.Name} 在读取过程中被修改：第 {builder.Row} 行已不存在，请重新运行");
                }

                _onRow = true;
            }

            if (_row.RowNumber != builder.Row)
            {
                throw new RosterException($"{_table.Name} 在读取过程中被修改：第 {builder.Row} 行已不存在，请重新运行");
            }

            builder.Employee = EmployeesTable.Build(_row, builder.Id);
        }
    }

    public void Dispose() => _table.Dispose();
}
