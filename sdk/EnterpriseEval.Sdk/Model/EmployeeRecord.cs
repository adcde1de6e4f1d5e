using EnterpriseEval.Sdk.Plugins;
using EnterpriseEval.Sdk.Tables;

namespace EnterpriseEval.Sdk.Model;

/// <summary>Everything the roster says about one employee: the unit that rules and criteria screen.</summary>
public sealed record EmployeeRecord
{
    // What decides whether a path may open for the employee at all (IPathScreener.MayOpen), noted when the employee and
    // the certificates are set, while they are at hand: most employees of a large roster get no decision, and the
    // screening's first look at them then reads this record alone rather than every certificate and the employee row,
    // each elsewhere in memory. Set by the init accessors, so a copy made with `with` keeps them true. Rows are noted
    // only when they come as an array (as the roster reader hands them, and nobody changes them after): a list, which
    // its owner may still change, is read as it is when the rules run, as before.
    private readonly Employee _employee = null!;
    private readonly IReadOnlyList<SkillCertificate> _certificates = [];
    private readonly SkillLevel? _highestCertificateLevel;
    private readonly bool _certificatesNoted = true;
    private readonly bool _technicalPost;

    // The assessment rows as R4 reads them (year and result, file order), up to four of them in one number, 16 bits a
    // row (year × 8 + result; 0 ends the list), when every row fits (TryGetAssessmentRows): R4 then reads no row object.
    private readonly IReadOnlyList<Assessment> _assessments = [];
    private readonly ulong _assessmentRows;
    private readonly bool _assessmentsPacked = true;

    /// <summary>The employee row.</summary>
    public required Employee Employee
    {
        get => _employee;
        init
        {
            _employee = value;
            _technicalPost = value?.PostCategory == PostCategory.Technical;
        }
    }

    /// <summary>Skill certificates, in roster order, revoked ones included (rules ignore them).</summary>
    public IReadOnlyList<SkillCertificate> Certificates
    {
        get => _certificates;
        init
        {
            _certificates = value;
            _highestCertificateLevel = HighestLevelOf(value, out _certificatesNoted);
        }
    }

    /// <summary>Professional titles held.</summary>
    public IReadOnlyList<ProfessionalTitle> Titles { get; init; } = [];

    /// <summary>Annual assessments, at most one per year.</summary>
    public IReadOnlyList<Assessment> Assessments
    {
        get => _assessments;
        init
        {
            _assessments = value;
            _assessmentRows = Pack(value, out _assessmentsPacked);
        }
    }

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

    /// <summary>
    /// The highest level among <see cref="Certificates"/>, whatever their status or date (revoked and later ones
    /// included), or null when there is none: what <see cref="Rules.IPathScreener.MayOpen"/> looks at. Read from the
    /// rows when they did not come as an array (see the fields' comment).
    /// </summary>
    internal SkillLevel? HighestCertificateLevel => _certificatesNoted ? _highestCertificateLevel : HighestLevelOf(_certificates, out _);

    /// <summary>Whether the employee works in a professional-technical post (<see cref="PostCategory.Technical"/>).</summary>
    internal bool InTechnicalPost => _technicalPost;

    /// <summary>
    /// The assessment rows as (year × 8 + result) in file order, 16 bits each from the lowest, a 0 ending them, when
    /// <see cref="Assessments"/> has at most four rows with a year of 1–8191 and a result of 1–7; false otherwise (read
    /// the rows).
    /// </summary>
    internal bool TryGetAssessmentRows(out ulong rows)
    {
        rows = _assessmentRows;
        return _assessmentsPacked;
    }

    private static ulong Pack(IReadOnlyList<Assessment>? assessments, out bool packed)
    {
        packed = false;
        if (assessments is not Assessment[] { Length: <= 4 })
        {
            return 0;
        }

        var rows = 0UL;
        for (var i = 0; i < assessments.Count; i++)
        {
            if (assessments[i] is not { Year: >= 1 and <= 8191 } row || (uint)row.Result - 1 >= 7)
            {
                return 0;
            }

            rows |= (ulong)((row.Year * 8) + (int)row.Result) << (16 * i);
        }

        packed = true;
        return rows;
    }

    private static SkillLevel? HighestLevelOf(IReadOnlyList<SkillCertificate>? certificates, out bool noted)
    {
        noted = certificates is SkillCertificate[];
        SkillLevel? highest = null;
        if (certificates is not null)
        {
            for (var i = 0; i < certificates.Count; i++)
            {
                if (certificates[i] is { } certificate && (highest is null || certificate.Level > highest))
                {
                    highest = certificate.Level;
                }
            }
        }

        return highest;
    }

    private static ExtraTableRows[] Replace(ExtraTableRows[] tables, ExtraTable table, Array rows)
    {
        var kept = tables.Where(t => !ReferenceEquals(t.Table, table));
        return rows.Length == 0 ? [.. kept] : [.. kept, new ExtraTableRows(table, rows)];
    }
}
