using EnterpriseEval.Sdk.Plugins;
using EnterpriseEval.Sdk.Tables;

namespace EnterpriseEval.Sdk.Model;

/// <summary>Everything the roster says about one employee: the unit that rules and criteria screen.</summary>
public sealed record EmployeeRecord
{
    /// <summary>The employee row.</summary>
    public required Employee Employee { get; init; }

    /// <summary>Skill certificates, in roster order, revoked ones included (rules ignore them).</summary>
    public IReadOnlyList<SkillCertificate> Certificates { get; init; } = [];

    /// <summary>Professional titles held.</summary>
    public IReadOnlyList<ProfessionalTitle> Titles { get; init; } = [];

    /// <summary>Annual assessments, at most one per year.</summary>
    public IReadOnlyList<Assessment> Assessments { get; init; } = [];

    /// <summary>Honours.</summary>
    public IReadOnlyList<Honour> Honours { get; init; } = [];

    /// <summary>Achievements.</summary>
    public IReadOnlyList<Achievement> Achievements { get; init; } = [];

    /// <summary>Work periods; empty means no <c>work_periods.csv</c> row for this employee.</summary>
    public IReadOnlyList<WorkPeriod> WorkPeriods { get; init; } = [];

    /// <summary>Applications; empty when the roster has no <c>applications.csv</c> rows for this employee.</summary>
    public IReadOnlyList<Application> Applications { get; init; } = [];

    /// <summary>
    /// The untyped fallback: rows of further CSV files in the roster folder that carry an <c>employee_id</c> column and
    /// that no loaded plug-in declares as an extra table (<see cref="ExtraTable"/>), keyed by file name without
    /// extension; each row maps the file's headers to the text as written. Declared tables are read typed instead
    /// (<see cref="ExtraTable{TRow}.RowsOf"/>) and are not here. Their topic is not declared, so they are shown on every
    /// path: declare a table to have it hidden on the skill-to-title path (96号 二（二）1).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> ExtraFiles { get; init; } =
        EmptyExtraFiles;

    /// <summary>The rows of every declared extra table the employee has rows in, made once at import.</summary>
    internal ExtraTableRows[] Tables { get; init; } = [];

    /// <summary>
    /// What criteria see of <see cref="Tables"/> on the skill-to-title path (tables and columns about education, papers,
    /// foreign language or computer skills hidden); null when the same.
    /// </summary>
    internal ExtraTableRows[]? SkillToTitleTables { get; init; }

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> EmptyExtraFiles =
        new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>>(0, StringComparer.Ordinal);

    /// <summary>
    /// A copy of the record with <paramref name="rows"/> as its rows of <paramref name="table"/> (replacing any it had),
    /// as the runtime makes them from a roster: for records built in code and in tests. A table whose
    /// <see cref="ExtraTable.Topic"/> is hidden on the skill-to-title path is hidden there too.
    /// </summary>
    /// <typeparam name="TRow">The table's row type.</typeparam>
    /// <param name="table">The declared table.</param>
    /// <param name="rows">The rows, in file order.</param>
    public EmployeeRecord WithRows<TRow>(ExtraTable<TRow> table, IEnumerable<TRow> rows)
        where TRow : class
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        TRow[] array = [.. rows];
        var tables = Replace(Tables, table, array);
        var shown = SkillToTitleTables is null && table.Topic == CriterionTopic.Other
            ? null
            : Replace(SkillToTitleTables ?? Tables, table, table.Topic == CriterionTopic.Other ? array : []);
        return this with { Tables = tables, SkillToTitleTables = shown };
    }

    /// <summary>
    /// What criteria see on the skill-to-title path (96号 二（二）1; docs/plugins.md), by declaration: no 学历 (the roster's
    /// education column), and the declared extra tables and columns about education, papers, foreign language or
    /// computer skills left out. Untyped extras (<see cref="Employee.Extra"/>, <see cref="ExtraFiles"/>) declare no
    /// topic and are shown as they are.
    /// </summary>
    internal EmployeeRecord ForSkillToTitle() => Employee.Education.Length == 0 && SkillToTitleTables is null ? this : this with
    {
        Employee = Employee with { Education = "" },
        Tables = SkillToTitleTables ?? Tables,
        SkillToTitleTables = null,
    };

    private static ExtraTableRows[] Replace(ExtraTableRows[] tables, ExtraTable table, Array rows)
    {
        var kept = tables.Where(t => !ReferenceEquals(t.Table, table));
        return rows.Length == 0 ? [.. kept] : [.. kept, new ExtraTableRows(table, rows)];
    }
}
