using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Tables;

namespace EnterpriseEval.Engine.Roster;

/// <summary>
/// Collects one employee's rows across the roster files. Lists are created on first use: most employees have
/// no row in most files, and a million empty lists would be a million allocations.
/// </summary>
/// <param name="id">The 工号.</param>
/// <param name="row">The <c>employees.csv</c> row that claimed the 工号.</param>
/// <param name="ordinal">The position of the 工号 among the 工号 of <c>employees.csv</c>, counting from 0.</param>
internal sealed class EmployeeBuilder(string id, int row, int ordinal)
{
    private Employee? _employee;

    private List<SkillCertificate>? _certificates;
    private List<ProfessionalTitle>? _titles;
    private List<Assessment>? _assessments;
    private List<Honour>? _honours;
    private List<Achievement>? _achievements;
    private List<WorkPeriod>? _workPeriods;
    private List<Application>? _applications;
    private Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>>? _extraFiles;
    private List<TableRows>? _tables;

    /// <summary>The 工号.</summary>
    public string Id { get; } = id;

    /// <summary>The <c>employees.csv</c> row of this 工号.</summary>
    public int Row { get; } = row;

    /// <summary>The position of the 工号 in <c>employees.csv</c> (rejected rows count too), from 0.</summary>
    public int Ordinal { get; } = ordinal;

    /// <summary>The employee, or null while (or because) the row is rejected, and once the record is built and released.</summary>
    public Employee? Employee
    {
        get => _employee;
        set
        {
            _employee = value;
            Accepted = value is not null;
        }
    }

    /// <summary>Whether the <c>employees.csv</c> row was accepted (stays true after <see cref="Release"/>).</summary>
    public bool Accepted { get; private set; }

    /// <summary>Marks the row accepted before its <see cref="Employee"/> is built (a streamed import builds it later).</summary>
    public void Accept() => Accepted = true;

    /// <summary>Whether the record has been built and the rows let go (<see cref="Release"/>).</summary>
    public bool Released { get; private set; }

    public void Add(SkillCertificate certificate) => (_certificates ??= []).Add(certificate);

    public void Add(ProfessionalTitle title) => (_titles ??= []).Add(title);

    public void Add(Assessment assessment) => (_assessments ??= []).Add(assessment);

    public void Add(Honour honour) => (_honours ??= []).Add(honour);

    public void Add(Achievement achievement) => (_achievements ??= []).Add(achievement);

    public void Add(WorkPeriod workPeriod) => (_workPeriods ??= []).Add(workPeriod);

    public void Add(Application application) => (_applications ??= []).Add(application);

    public void AddExtraRow(string file, IReadOnlyDictionary<string, string> values)
    {
        _extraFiles ??= new(StringComparer.Ordinal);
        if (!_extraFiles.TryGetValue(file, out var rows))
        {
            rows = new List<IReadOnlyDictionary<string, string>>();
            _extraFiles.Add(file, rows);
        }

        ((List<IReadOnlyDictionary<string, string>>)rows).Add(values);
    }

    /// <summary>
    /// Adds a row of a declared extra table, as the plug-in's record (<see cref="ExtraTableReader"/>); <paramref name="shown"/>
    /// is what criteria see of it on the skill-to-title path (null: not shown).
    /// </summary>
    public void AddTableRow(ExtraTable table, object row, object? shown)
    {
        _tables ??= [];
        TableRows? rows = null;
        foreach (var t in _tables)
        {
            if (ReferenceEquals(t.Table, table))
            {
                rows = t;
                break;
            }
        }

        if (rows is null)
        {
            _tables.Add(rows = new TableRows(table));
        }

        rows.Rows.Add(row);
        if (table.HidesOnSkillToTitle && shown is not null)
        {
            (rows.Shown ??= []).Add(shown);
        }
    }

    public bool HasAssessment(int year)
    {
        foreach (var assessment in _assessments ?? [])
        {
            if (assessment.Year == year)
            {
                return true;
            }
        }

        return false;
    }

    public EmployeeRecord Build(Employee employee)
    {
        var record = new EmployeeRecord
        {
            Employee = employee,
            Certificates = Compact(_certificates),
            Titles = Compact(_titles),
            Assessments = Compact(_assessments),
            Honours = Compact(_honours),
            Achievements = Compact(_achievements),
            WorkPeriods = Compact(_workPeriods),
            Applications = Compact(_applications),
        };
        if (_tables is not null)
        {
            var tables = new ExtraTableRows[_tables.Count];
            List<ExtraTableRows>? shown = null;
            for (var i = 0; i < tables.Length; i++)
            {
                var t = _tables[i];
                tables[i] = new ExtraTableRows(t.Table, t.Table.ToArray(t.Rows));
                if (t.Table.HidesOnSkillToTitle)
                {
                    shown ??= [.. tables[..i].Where(r => !r.Table.HidesOnSkillToTitle)];
                    if (t.Shown is { Count: > 0 })
                    {
                        shown.Add(new ExtraTableRows(t.Table, t.Table.ToArray(t.Shown)));
                    }
                }
                else
                {
                    shown?.Add(tables[i]);
                }
            }

            record = record with { Tables = tables, SkillToTitleTables = shown is null ? null : [.. shown] };
        }

        return _extraFiles is null ? record : record with { ExtraFiles = _extraFiles };
    }

    private sealed class TableRows(ExtraTable table)
    {
        public ExtraTable Table { get; } = table;

        public List<object> Rows { get; } = [];

        public List<object>? Shown { get; set; }
    }

    /// <summary>
    /// Lets go of the rows once the record is built, so that a streamed import holds only the employees it has not
    /// handed out yet; the builder still answers <see cref="Accepted"/> and <see cref="Ordinal"/>.
    /// </summary>
    public void Release()
    {
        _employee = null;
        _certificates = null;
        _titles = null;
        _assessments = null;
        _honours = null;
        _achievements = null;
        _workPeriods = null;
        _applications = null;
        _extraFiles = null;
        _tables = null;
        Released = true;
    }

    // An exact-size array is less than half a small list plus its spare capacity, which over a million
    // employees is a hundred megabytes; absent lists share one empty array.
    private static T[] Compact<T>(List<T>? items) => items is null ? [] : items.ToArray();
}
