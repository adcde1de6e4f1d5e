using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Runtime.ExceptionServices;
using EnterpriseEval.Engine.Roster.Fields;
using EnterpriseEval.Engine.Roster.Sources;
using EnterpriseEval.Engine.Roster.Tables;
using EnterpriseEval.Sdk.Tables;

namespace EnterpriseEval.Engine.Roster;

/// <summary>
/// One roster import: <c>employees.csv</c> first (it decides which 工号 exist), then each file that hangs off it,
/// then any further files for plug-ins: those a loaded plug-in declares (<paramref name="declared"/>) read typed by
/// <see cref="ExtraTableReader"/>, the others kept as text (<c>ExtraFiles</c>, the untyped fallback). <see cref="Run"/> reads them whole, in parallel with each other;
/// <see cref="Stream"/> opens them to be read a chunk of employees at a time (<see cref="RosterStream"/>).
/// </summary>
internal sealed class RosterImport(ITableSource source, CancellationToken cancellationToken, IReadOnlyList<ExtraTable>? declared = null)
{
    private static readonly FrozenSet<string> KnownTables = new[]
    {
        EmployeesTable.Schema, SkillCertificatesTable.Schema, TitlesTable.Schema, AssessmentsTable.Schema,
        HonoursTable.Schema, AchievementsTable.Schema, WorkPeriodsTable.Schema, ApplicationsTable.Schema,
    }.Select(s => s.Name).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="name"/> is one of the roster's own tables (employees, skill_certificates …).</summary>
    public static bool IsRosterTable(string name) => KnownTables.Contains(name);

    private readonly IReadOnlyList<ExtraTable> _declared = declared ?? [];
    private readonly List<RosterReject> _rejects = [];
    private readonly StringPool _pool = new();
    private readonly EmployeeDirectory _employees = new();
    private string _employeesFile = "employees.csv";
    private bool _employeesEmpty;

    /// <summary>Reads the whole roster.</summary>
    public RosterReadResult Run()
    {
        var employeeRows = ReadEmployees();
        var (hasApplications, applicationsWarning) = Applications();

        // After employees.csv the directory of 工号 is only looked up, and each further table fills its own part of
        // the employees it names (extra files share one dictionary per employee, so they are one job, read in
        // order): the tables can be read at the same time, on all cores. Every job has its own rejects and string
        // pool; rejects are joined, and the first failure is thrown, in the order the tables are listed here, so the
        // result never depends on which thread finished first.
        var tables = OwnedTables();
        var jobs = new List<IReadOnlyList<(string Name, RosterTableSchema Schema, Action<RowParser, EmployeeBuilder> Read)>>();
        foreach (var table in tables.Where(t => !IsExtra(t.Schema)))
        {
            jobs.Add([table]);
        }

        jobs.Add([.. tables.Where(t => IsExtra(t.Schema))]);
        var rejectsByJob = new List<RosterReject>[jobs.Count];
        var emptyByJob = new List<string>[jobs.Count];
        var failures = new ExceptionDispatchInfo?[jobs.Count];
        Parallel.ForEach(
            Partitioner.Create(Enumerable.Range(0, jobs.Count), EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = source.CanReadConcurrently ? Environment.ProcessorCount : 1 },
            i =>
            {
                rejectsByJob[i] = [];
                emptyByJob[i] = [];
                try
                {
                    var pool = new StringPool();
                    foreach (var table in jobs[i])
                    {
                        using var cursor = OpenCursor(table, pool);
                        if (cursor is not null)
                        {
                            cursor.ReadUntil(0, int.MaxValue);
                            rejectsByJob[i].AddRange(cursor.Rejects);
                            if (cursor.IsEmpty)
                            {
                                emptyByJob[i].Add(cursor.Name);
                            }
                        }
                    }
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

        return new RosterReadResult(_employees.BuildRecords(), _rejects, employeeRows, hasApplications, applicationsWarning)
        {
            Warnings = Warnings(emptyByJob.SelectMany(names => names)),
        };
    }

    /// <summary>
    /// Reads <c>employees.csv</c> and opens every other table, ready to hand out the records a chunk of employees at
    /// a time (<see cref="RosterStream"/>). Only for sources that can have all tables open at once.
    /// </summary>
    /// <param name="checkOrderForChunksOf">See <see cref="RosterReader.OpenStream"/>.</param>
    public RosterStream Stream(int? checkOrderForChunksOf = null)
    {
        if (!source.CanReadConcurrently)
        {
            throw new InvalidOperationException("This roster source reads one table at a time and cannot be streamed.");
        }

        // employees.csv is read twice: first only the 工号 and the required columns (which decide the directory, the
        // duplicates and which rows stand), on this thread before anything else can start; then, a chunk at a time on
        // the reader threads, the rest of each accepted row.
        var employeeRows = ReadEmployees(claimOnly: true);
        var (hasApplications, applicationsWarning) = Applications();
        if (checkOrderForChunksOf is { } chunkSize)
        {
            CheckOrder(chunkSize);
        }

        var cursors = new List<TableCursor>();
        EmployeeRowsCursor? employees = null;
        try
        {
            employees = new EmployeeRowsCursor(source.Open(EmployeesTable.Schema.Name), _employees.InOrder, new StringPool(), cancellationToken);
            // The tables may be read on two threads (RosterStream), so each has its own pool.
            foreach (var table in OwnedTables())
            {
                if (OpenCursor(table, new StringPool()) is { } cursor)
                {
                    cursors.Add(cursor);
                }
            }

            return new RosterStream(_employees, employees, cursors, _rejects, employeeRows, hasApplications, applicationsWarning)
            {
                WarningsOf = read => Warnings(read.Where(c => c.IsEmpty).Select(c => c.Name)),
            };
        }
        catch
        {
            employees?.Dispose();
            foreach (var cursor in cursors)
            {
                cursor.Dispose();
            }

            throw;
        }
    }

    private int ReadEmployees(bool claimOnly = false)
    {
        using var table = source.Open(EmployeesTable.Schema.Name);
        _employeesFile = table.Name;
        if (table.Header.Count == 0)
        {
            throw new RosterException($"{table.Name} 是空文件，缺少表头行") { File = table.Name, Row = 1 };
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
            if (claimOnly)
            {
                EmployeesTable.Claim(row, _employees);
                continue;
            }

            EmployeesTable.Read(row, _employees);
        }

        _employeesEmpty = row.RowsRead == 0;
        return row.RowsRead;
    }

    /// <summary>
    /// Whether the roster as a whole has applications (docs/rules.md "Which decisions are made"): an applications table
    /// with at least one row that is not blank. Decided before any employee is screened, by reading only as far as that
    /// first row, so a streamed roster knows it before its first chunk. A table with a header and no rows is read as no
    /// applications, with a warning (docs/roster.md); an absent or empty table says nothing.
    /// </summary>
    private (bool HasApplications, string? Warning) Applications()
    {
        var name = ApplicationsTable.Schema.Name;
        if (!source.Contains(name))
        {
            return (false, null);
        }

        try
        {
            using var reader = source.Open(name);
            if (reader.Header.Count == 0)
            {
                return (false, null);
            }

            while (reader.MoveNext())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (!reader.Field(i).IsEmpty)
                    {
                        return (true, null);
                    }
                }
            }

            return (false, $"{reader.Name} 只有表头、没有申报行，按无申报处理：每名员工的每条路径都会尝试。如只筛查申报人员，请在该表中填写申报行");
        }
        catch (RosterException)
        {
            // The table cannot be read (its encoding, say): the full read reports it, in its turn, as for any table.
            return (true, null);
        }
    }

    /// <summary>
    /// What the summary says about how the roster was read (Chinese): tables with a header and no rows (a silent zero
    /// otherwise), then what the source says (files read as GB18030).
    /// </summary>
    private List<string> Warnings(IEnumerable<string> emptyTables)
    {
        var warnings = new List<string>();
        if (_employeesEmpty)
        {
            warnings.Add($"{_employeesFile} 只有表头，没有数据行：没有员工参加筛查，请核对导出是否完整");
        }

        warnings.AddRange(emptyTables.Select(name => $"{name} 只有表头，没有数据行：该表未读入任何记录，请核对导出是否完整"));
        warnings.AddRange(source.Warnings);
        return warnings;
    }

    /// <summary>
    /// The tables whose rows belong to employees, in the order their rejects are listed: ours, then the files for
    /// plug-ins (every table that is not one of ours) in the source's order.
    /// </summary>
    private List<(string Name, RosterTableSchema Schema, Action<RowParser, EmployeeBuilder> Read)> OwnedTables()
    {
        List<(string, RosterTableSchema, Action<RowParser, EmployeeBuilder>)> tables =
        [
            (SkillCertificatesTable.Schema.Name, SkillCertificatesTable.Schema, SkillCertificatesTable.Read),
            (TitlesTable.Schema.Name, TitlesTable.Schema, TitlesTable.Read),
            (AssessmentsTable.Schema.Name, AssessmentsTable.Schema, AssessmentsTable.Read),
            (HonoursTable.Schema.Name, HonoursTable.Schema, HonoursTable.Read),
            (AchievementsTable.Schema.Name, AchievementsTable.Schema, AchievementsTable.Read),
            (WorkPeriodsTable.Schema.Name, WorkPeriodsTable.Schema, WorkPeriodsTable.Read),
            (ApplicationsTable.Schema.Name, ApplicationsTable.Schema, ApplicationsTable.Read),
        ];
        // A declared table is read typed, for each plug-in that declares it; its file is required to have the 工号
        // column and the required columns (a missing one stops the import naming file and column, as for ours).
        var declaredNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in _declared)
        {
            declaredNames.Add(table.Name);
            var reader = new ExtraTableReader(table);
            tables.Add((table.Name, reader.Schema, reader.Read));
        }

        foreach (var name in source.TableNames)
        {
            if (!KnownTables.Contains(name) && !declaredNames.Contains(name))
            {
                var schema = new RosterTableSchema(name, keepsBadOptionalValues: false, RosterColumn.EmployeeId);
                tables.Add((name, schema, (row, employee) => employee.AddExtraRow(name, row.AllValues())));
            }
        }

        return tables;
    }

    /// <summary>Rows of each table looked at by <see cref="CheckOrder"/>.</summary>
    private const int OrderCheckRows = 2_000;

    /// <summary>
    /// Reads the first rows of every table and throws when one of them would stop a stream read in chunks of
    /// <paramref name="chunkSize"/>: a row of an accepted employee in an earlier chunk than some row above it.
    /// (A table in any other order — random, reversed, sorted by date — shows it within its first rows; without
    /// this check a reversed table would be found out only at the end of the run.)
    /// </summary>
    private void CheckOrder(int chunkSize)
    {
        foreach (var table in OwnedTables())
        {
            if (!source.Contains(table.Name))
            {
                continue;
            }

            using var reader = source.Open(table.Name);
            if (reader.Header.Count == 0 || (IsUntyped(table.Schema) && !HasEmployeeIdColumn(reader.Header)))
            {
                continue;
            }

            var row = new RowParser(reader, table.Schema, [], new StringPool(), cancellationToken, reportWrongFieldCount: false);
            var furthestChunk = 0;
            for (var n = 0; n < OrderCheckRows && row.MoveNext(); n++)
            {
                if (_employees.Find(row.EmployeeId) is { Accepted: true } owner)
                {
                    var chunk = owner.Ordinal / chunkSize;
                    if (chunk < furthestChunk)
                    {
                        throw new RosterOrderException(reader.Name);
                    }

                    furthestChunk = chunk;
                }
            }
        }
    }

    private static bool IsExtra(RosterTableSchema schema) => !KnownTables.Contains(schema.Name);

    // A file no plug-in declares (its schema has the 工号 column only): read as text, and skipped when it has no 工号.
    private static bool IsUntyped(RosterTableSchema schema) => IsExtra(schema) && schema.Columns.Count == 1;

    /// <summary>
    /// Opens one table for reading; null when the roster does not have it, when it is empty (no header row: read
    /// as if absent), or when an undeclared file for plug-ins has no 工号 column (notes, lookup tables: not ours to read).
    /// </summary>
    private TableCursor? OpenCursor((string Name, RosterTableSchema Schema, Action<RowParser, EmployeeBuilder> Read) table, StringPool pool)
    {
        if (!source.Contains(table.Name))
        {
            return null;
        }

        var reader = source.Open(table.Name);
        try
        {
            if (reader.Header.Count == 0 || (IsUntyped(table.Schema) && !HasEmployeeIdColumn(reader.Header)))
            {
                reader.Dispose();
                return null;
            }

            return new TableCursor(reader, table.Schema, table.Read, _employees, _employeesFile, pool, cancellationToken)
            {
                IsExtraFile = IsExtra(table.Schema),

                // An applications table with a header only has a meaning of its own (docs/rules.md), said elsewhere.
                WarnsWhenEmpty = !ReferenceEquals(table.Schema, ApplicationsTable.Schema),
            };
        }
        catch
        {
            reader.Dispose();
            throw;
        }
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
