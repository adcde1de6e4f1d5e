using System.Collections.Frozen;
using EnterpriseEval.Runtime.Roster.Fields;
using EnterpriseEval.Runtime.Roster.Sources;
using EnterpriseEval.Runtime.Roster.Tables;

namespace EnterpriseEval.Runtime.Roster;

/// <summary>
/// One roster import: <c>employees.csv</c> first (it decides which 工号 exist), then each file that hangs off it,
/// then any further files for plug-ins. Streams every file once.
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
        ReadOwnedRows(SkillCertificatesTable.Schema, SkillCertificatesTable.Read);
        ReadOwnedRows(TitlesTable.Schema, TitlesTable.Read);
        ReadOwnedRows(AssessmentsTable.Schema, AssessmentsTable.Read);
        ReadOwnedRows(HonoursTable.Schema, HonoursTable.Read);
        ReadOwnedRows(AchievementsTable.Schema, AchievementsTable.Read);
        ReadOwnedRows(WorkPeriodsTable.Schema, WorkPeriodsTable.Read);
        var hasApplications = ReadOwnedRows(ApplicationsTable.Schema, ApplicationsTable.Read);
        foreach (var name in source.TableNames)
        {
            if (!KnownTables.Contains(name))
            {
                ReadExtraFile(name);
            }
        }

        return new RosterReadResult(_employees.BuildRecords(), _rejects, employeeRows, hasApplications);
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
    private bool ReadOwnedRows(RosterTableSchema schema, Action<RowParser, EmployeeBuilder> read)
    {
        if (!source.Contains(schema.Name))
        {
            return false;
        }

        using var table = source.Open(schema.Name);
        return ReadOwnedRows(table, schema, read);
    }

    private bool ReadOwnedRows(ITableReader table, RosterTableSchema schema, Action<RowParser, EmployeeBuilder> read)
    {
        // An empty file (no header row) is read as if it were absent.
        if (table.Header.Count == 0)
        {
            return false;
        }

        var row = NewRowParser(table, schema);
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

    private void ReadExtraFile(string name)
    {
        using var table = source.Open(name);
        if (!HasEmployeeIdColumn(table.Header))
        {
            // Notes, lookup tables and the like: not about employees, so not ours to read.
            return;
        }

        var schema = new RosterTableSchema(name, keepsBadOptionalValues: false, RosterColumn.EmployeeId);
        ReadOwnedRows(table, schema, (row, employee) => employee.AddExtraRow(name, row.AllValues()));
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

    private RowParser NewRowParser(ITableReader table, RosterTableSchema schema) =>
        new(table, schema, _rejects, _pool, cancellationToken);
}
