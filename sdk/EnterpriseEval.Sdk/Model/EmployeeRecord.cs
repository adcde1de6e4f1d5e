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
    /// Rows of further CSV files in the roster folder that carry an <c>employee_id</c> column
    /// (e.g. a plug-in's <c>safety_incidents.csv</c>), keyed by file name without extension; each row
    /// maps the file's headers to values.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> ExtraFiles { get; init; } =
        EmptyExtraFiles;

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> EmptyExtraFiles =
        new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>>(0, StringComparer.Ordinal);
}
