using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Runtime.ExceptionServices;
using EnterpriseEval.Runtime.Roster.Fields;
using EnterpriseEval.Runtime.Roster.Sources;
using EnterpriseEval.Runtime.Roster.Tables;

namespace EnterpriseEval.Runtime.Roster;

/// <summary>
/// One roster import: <c>employees.csv</c> first (it decides which 工号 exist), then each file that hangs off it,
/// then any further files for plug-ins, those in parallel with each other. Streams every file once.
/// </summary>
internal sealed class RosterImport(ITableSource source, CancellationToken cancellationToken)
{
    private static readonly FrozenSet<string> KnownTables = new[]
    {
        EmployeesTable.Schema, SkillCertificatesTable.Schema, TitlesTable.Schema, AssessmentsTable.Schema,
        HonoursTable.Schema, AchievementsTable.Schema, WorkPeriodsTable.Schema, ApplicationsTable.Schema,
    }.Select(s => s.Name).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private readonly List<RosterReject> _rejects = [];
    private readonly StringPool _pool = new();
    private readonly EmployeeDirectory _employees = new();
    private string _employeesFile = "employees.csv";

    public RosterReadResult Run()
    {
        var employeeRows = ReadEmployees();

        // After employees.csv the directory of 工号 is only looked up, and each further table fills its own part of
        // the employees it names (extra files share one dictionary per employee, so they are one job, read in
        // order): the tables can be read at the same time, on all cores. Every job has its own rejects and string
        // pool; rejects are joined, and the first failure is thrown, in the order the tables are listed here, so the
        // result never depends on which thread finished first.
        Func<List<RosterReject>, StringPool, bool>[] jobs =
        [
            (rejects, pool) => ReadOwnedRows(SkillCertificatesTable.Schema, SkillCertificatesTable.Read, rejects, pool),
            (rejects, pool) => ReadOwnedRows(TitlesTable.Schema, TitlesTable.Read, rejects, pool),
            (rejects, pool) => ReadOwnedRows(AssessmentsTable.Schema, AssessmentsTable.Read, rejects, pool),
            (rejects, pool) => ReadOwnedRows(HonoursTable.Schema, HonoursTable.Read, rejects, pool),
            (rejects, pool) => ReadOwnedRows(AchievementsTable.Schema, AchievementsTable.Read, rejects, pool),
            (rejects, pool) => ReadOwnedRows(WorkPeriodsTable.Schema, WorkPeriodsTable.Read, rejects, pool),
            (rejects, pool) => ReadOwnedRows(ApplicationsTable.Schema, ApplicationsTable.Read, rejects, pool),
            (rejects, pool) => ReadExtraFiles(rejects, pool),
        ];
        var found = new bool[jobs.Length];
        var rejectsByJob = new List<RosterReject>[jobs.Length];
        var failures = new ExceptionDispatchInfo?[jobs.Length];
        Parallel.ForEach(
            Partitioner.Create(Enumerable.Range(0, jobs.Length), EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = source.CanReadConcurrently ? Environment.ProcessorCount : 1 },
            i =>
            {
                rejectsByJob[i] = [];
                try
                {
                    found[i] = jobs[i](rejectsByJob[i], new StringPool());
                }
                catch (Exception e)
                {
                    failures[i] = ExceptionDispatchInfo.Capture(e);
                }
            });

        foreach (var failure in failures)
        {
            failure?.Throw();
        }

        foreach (var rejects in rejectsByJob)
        {
            _rejects.AddRange(rejects);
        }

        const int applications = 6;
        return new RosterReadResult(_employees.BuildRecords(), _rejects, employeeRows, found[applications]);
    }

    private int ReadEmployees()
    {
        using var table = source.Open(EmployeesTable.Schema.Name);
        _employeesFile = table.Name;
        if (table.Header.Count == 0)
        {
            throw new RosterException($"{table.Name} 是空文件，缺少表头行");
        }

        var row = new RowParser(
            table,
            EmployeesTable.Schema,
            _rejects,
            _pool,
            cancellationToken,
            malformed => EmployeesTable.ClaimMalformed(malformed, _employees));
        while (row.MoveNext())
        {
            EmployeesTable.Read(row, _employees);
        }

        return row.RowsRead;
    }

    /// <summary>Reads a table whose rows belong to an employee; false when the roster has no such table.</summary>
    private bool ReadOwnedRows(RosterTableSchema schema, Action<RowParser, EmployeeBuilder> read, List<RosterReject> rejects, StringPool pool)
    {
        if (!source.Contains(schema.Name))
        {
            return false;
        }

        using var table = source.Open(schema.Name);
        return ReadOwnedRows(table, schema, read, rejects, pool);
    }

    private bool ReadOwnedRows(
        ITableReader table,
        RosterTableSchema schema,
        Action<RowParser, EmployeeBuilder> read,
        List<RosterReject> rejects,
        StringPool pool)
    {
        // An empty file (no header row) is read as if it were absent.
        if (table.Header.Count == 0)
        {
            return false;
        }

        var row = new RowParser(table, schema, rejects, pool, cancellationToken);
        var owner = new OwnerField(_employees, _employeesFile);
        while (row.MoveNext())
        {
            if (row.Required(RosterColumn.EmployeeId, owner, out EmployeeBuilder employee))
            {
                read(row, employee);
            }
        }

        return true;
    }

    /// <summary>Files for plug-ins: every table the roster has that is not one of ours, in the source's order.</summary>
    private bool ReadExtraFiles(List<RosterReject> rejects, StringPool pool)
    {
        foreach (var name in source.TableNames)
        {
            if (!KnownTables.Contains(name))
            {
                ReadExtraFile(name, rejects, pool);
            }
        }

        return false;
    }

    private void ReadExtraFile(string name, List<RosterReject> rejects, StringPool pool)
    {
        using var table = source.Open(name);
        if (!HasEmployeeIdColumn(table.Header))
        {
            // Notes, lookup tables and the like: not about employees, so not ours to read.
            return;
        }

        var schema = new RosterTableSchema(name, keepsBadOptionalValues: false, RosterColumn.EmployeeId);
        ReadOwnedRows(table, schema, (row, employee) => employee.AddExtraRow(name, row.AllValues()), rejects, pool);
    }

    private static bool HasEmployeeIdColumn(IReadOnlyList<string> header)
    {
        foreach (var cell in header)
        {
            if (RosterColumn.EmployeeId.Matches(cell))
            {
                return true;
            }
        }

        return false;
    }
}
