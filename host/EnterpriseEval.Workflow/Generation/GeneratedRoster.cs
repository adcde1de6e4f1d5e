namespace EnterpriseEval.Workflow.Generation;

/// <summary>
/// The files of a generated roster (docs/roster.md) plus the extra files the shipped plug-ins read
/// (<c>continuing_education.csv</c>, <c>safety_incidents.csv</c>, <c>apprentices.csv</c>), all open at once so that
/// each employee's rows are written as soon as they are drawn.
/// </summary>
internal sealed class GeneratedRoster : IDisposable
{
    private readonly List<GeneratedTable> _tables = [];

    public GeneratedRoster(string folder)
    {
        try
        {
            Employees = Open(folder, "employees", "employee_id", "name", "id_number", "birth_date", "hire_date", "first_work_date",
                "department", "enterprise_code", "post", "post_category", "frontline", "occupation", "major", "education", "appointed_skill_level",
                "appointed_from", "appointed_until");
            Certificates = Open(folder, "skill_certificates", "employee_id", "occupation", "level", "certificate_no", "issued_on", "kind", "status");
            Titles = Open(folder, "titles", "employee_id", "series", "specialty", "level", "obtained_on", "certificate_no");
            Assessments = Open(folder, "assessments", "employee_id", "year", "result");
            Honours = Open(folder, "honours", "employee_id", "kind", "awarded_on");
            Achievements = Open(folder, "achievements", "employee_id", "kind", "title", "date", "rank");
            WorkPeriods = Open(folder, "work_periods", "employee_id", "start", "end", "kind");
            ContinuingEducation = Open(folder, "continuing_education", "employee_id", "year", "hours");
            SafetyIncidents = Open(folder, "safety_incidents", "employee_id", "date", "severity");
            Apprentices = Open(folder, "apprentices", "employee_id", "apprentice_id", "apprentice_name", "from", "to");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public GeneratedTable Employees { get; }

    public GeneratedTable Certificates { get; }

    public GeneratedTable Titles { get; }

    public GeneratedTable Assessments { get; }

    public GeneratedTable Honours { get; }

    public GeneratedTable Achievements { get; }

    public GeneratedTable WorkPeriods { get; }

    public GeneratedTable ContinuingEducation { get; }

    public GeneratedTable SafetyIncidents { get; }

    public GeneratedTable Apprentices { get; }

    public IReadOnlyList<GeneratedTable> Tables => _tables;

    public void Dispose()
    {
        foreach (var table in _tables)
        {
            table.Dispose();
        }
    }

    private GeneratedTable Open(string folder, string name, params string[] header)
    {
        var table = new GeneratedTable(folder, name, header);
        _tables.Add(table);
        return table;
    }
}
