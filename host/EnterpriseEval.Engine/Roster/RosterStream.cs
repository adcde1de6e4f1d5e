using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Roster;

/// <summary>
/// A roster handed out a chunk of employees at a time (<see cref="RosterImport.Stream"/>): <c>employees.csv</c> has
/// been read whole, and every other table is read only as far as the employees handed out so far. Memory then holds
/// the employees, not their certificates, assessments and plug-in rows for the whole roster.
/// </summary>
/// <remarks>
/// This works when each table lists its rows in the order of <c>employees.csv</c> (as HR systems export them, and
/// as <c>eeval generate</c> writes them); rows of one employee may be in any order among themselves, and rows of
/// unknown or rejected 工号 may be anywhere. When a table has a row of an employee already handed out,
/// <see cref="Next"/> throws <see cref="RosterOrderException"/>, and the caller reads the roster whole instead.
/// </remarks>
internal sealed class RosterStream : IDisposable
{
    private readonly EmployeeDirectory _employees;
    private readonly EmployeeRowsCursor _employeeRows;
    private readonly List<TableCursor> _cursors;
    private readonly List<Action<int, int>>[] _groups;
    private readonly List<RosterReject> _employeeRejects;
    private int _position;
    private bool _finished;

    internal RosterStream(
        EmployeeDirectory employees,
        EmployeeRowsCursor employeeRows,
        List<TableCursor> cursors,
        List<RosterReject> employeeRejects,
        int employeeRowsRead,
        bool hasApplications,
        string? applicationsWarning)
    {
        _employees = employees;
        _employeeRows = employeeRows;
        _cursors = cursors;
        _groups = Partition(employeeRows, cursors, Environment.ProcessorCount > 1 ? 2 : 1);
        _employeeRejects = employeeRejects;
        EmployeeRowsRead = employeeRowsRead;
        Count = employees.AcceptedCount;
        HasApplications = hasApplications;
        ApplicationsWarning = applicationsWarning;
    }

    /// <summary>
    /// Whether the roster has an applications table with at least one row (<see cref="RosterReadResult.HasApplications"/>),
    /// known before the first chunk is handed out.
    /// </summary>
    public bool HasApplications { get; }

    /// <summary>See <see cref="RosterReadResult.ApplicationsWarning"/>.</summary>
    public string? ApplicationsWarning { get; }

    /// <summary>Data rows seen in <c>employees.csv</c>, accepted or not.</summary>
    public int EmployeeRowsRead { get; }

    /// <summary>The number of records the stream hands out in all: one per accepted <c>employees.csv</c> row.</summary>
    public int Count { get; }

    /// <summary>
    /// The records of the next <paramref name="size"/> 工号 of <c>employees.csv</c> (fewer when some were rejected;
    /// possibly none), or null when every employee has been handed out and every table read to its end.
    /// </summary>
    /// <exception cref="RosterOrderException">A table does not list its rows in the order of <c>employees.csv</c>.</exception>
    public IReadOnlyList<EmployeeRecord>? Next(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        if (_finished)
        {
            return null;
        }

        var start = _position;
        if (start == _employees.Count)
        {
            // Every employee is out: what is left in the tables can only be rows of unknown or rejected 工号, rejected
            // as they are read, or rows out of order.
            ReadAll(start, int.MaxValue);
            _finished = true;
            return null;
        }

        var end = (int)Math.Min((long)start + size, _employees.Count);
        ReadAll(start, end);
        _position = end;
        return _employees.BuildRecords(start, end);
    }

    /// <summary>What the summary says about how the roster was read (Chinese); complete once <see cref="Next"/> returned null.</summary>
    public IReadOnlyList<string> Warnings() => WarningsOf?.Invoke(_cursors) ?? [];

    /// <summary>Makes <see cref="Warnings"/> of the tables as read.</summary>
    internal Func<IReadOnlyList<TableCursor>, IReadOnlyList<string>>? WarningsOf { get; init; }

    /// <summary>Every rejected row or value, in the order a whole import lists them; complete once <see cref="Next"/> returned null.</summary>
    public IReadOnlyList<RosterReject> Rejects()
    {
        // employees.csv's rejects come from two passes, each in row order, never both about the same row: merged by
        // row they read as one pass over the file would list them.
        // (OrderBy is stable: on equal rows the first pass's reject stays first.)
        var all = _employeeRejects.Concat(_employeeRows.Rejects).OrderBy(r => r.Row).ToList();
        foreach (var cursor in _cursors)
        {
            all.AddRange(cursor.Rejects);
        }

        return all;
    }

    public void Dispose()
    {
        _employeeRows.Dispose();
        foreach (var cursor in _cursors)
        {
            cursor.Dispose();
        }
    }

    /// <summary>
    /// Reads every table up to <paramref name="end"/>, the groups on two threads at once: each table fills its own
    /// part of the employees' builders (the plug-in files, which share one dictionary per employee, are one group).
    /// </summary>
    private void ReadAll(int start, int end)
    {
        if (_groups.Length == 1)
        {
            ReadGroup(_groups[0], start, end);
            return;
        }

        var other = Task.Run(() => ReadGroup(_groups[1], start, end));
        Exception? failure = null;
        try
        {
            ReadGroup(_groups[0], start, end);
        }
        catch (Exception e)
        {
            failure = e;
        }

        // Never leave the other group reading while the caller moves on (or disposes the tables); report the first
        // group's failure first, so that the same roster always fails with the same message.
        try
        {
            other.GetAwaiter().GetResult();
        }
        catch (Exception) when (failure is not null)
        {
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    private static void ReadGroup(List<Action<int, int>> group, int start, int end)
    {
        foreach (var read in group)
        {
            read(start, end);
        }
    }

    /// <summary>
    /// Splits the work of a chunk into groups of about the same size (in bytes of file), largest first into the
    /// lightest group: the rest of employees.csv, and each table; the plug-in files stay together and in their order.
    /// </summary>
    private static List<Action<int, int>>[] Partition(EmployeeRowsCursor employeeRows, List<TableCursor> cursors, int count)
    {
        var groups = Enumerable.Range(0, count).Select(_ => new List<Action<int, int>>()).ToArray();
        var sizes = new long[count];
        var units = new List<(List<TableCursor> Cursors, long Size)>();
        units.AddRange(cursors.Where(c => !c.IsExtraFile).Select(c => (new List<TableCursor> { c }, c.Size)));
        var extra = cursors.Where(c => c.IsExtraFile).ToList();
        if (extra.Count > 0)
        {
            units.Add((extra, extra.Sum(c => c.Size)));
        }

        // Employees first: their records are built from it, so it goes where it is sure to be read.
        groups[0].Add(employeeRows.BuildUntil);
        sizes[0] += employeeRows.Size;
        foreach (var (unit, size) in units.OrderByDescending(u => u.Size))
        {
            var lightest = Array.IndexOf(sizes, sizes.Min());
            foreach (var cursor in unit)
            {
                groups[lightest].Add((start, end) =>
                {
                    if (!cursor.ReadUntil(start, end))
                    {
                        throw new RosterOrderException(cursor.Name);
                    }
                });
            }

            sizes[lightest] += size;
        }

        return groups;
    }
}

/// <summary>A roster table does not list its rows in the order of <c>employees.csv</c>, so it cannot be streamed.</summary>
/// <param name="fileName">The table's file.</param>
internal sealed class RosterOrderException(string fileName)
    : Exception($"{fileName} 中各员工的行与 employees.csv 的顺序不一致")
{
    /// <summary>The table's file.</summary>
    public string FileName { get; } = fileName;
}
