namespace EnterpriseEval.Sdk.Screening;

/// <summary>
/// The project defaults of SPEC §4 that are configuration, not statute: bound from the configuration section
/// <see cref="SectionName"/> (codes or Chinese names accepted wherever a level, series or honour is named).
/// Findings that rest on these values cite <see cref="Clauses.ProjectDefault"/>.
/// </summary>
public sealed class PolicyOptions
{
    /// <summary>The configuration section the host binds: <c>EnterpriseEval:Policy</c>.</summary>
    public const string SectionName = "EnterpriseEval:Policy";

    /// <summary>
    /// Cumulative work years required before applying for a skill level, by target skill level code, for the
    /// reverse path (R8, 96号 二（四）) and for promotion (R10). Project default: senior_worker 2, technician 3,
    /// senior_technician 4 (the forward ladder mirrored, 96号 一（二）3). A level not listed needs no years.
    /// </summary>
    public Dictionary<string, int> CumulativeWorkYears { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Per-occupation overrides of <see cref="CumulativeWorkYears"/>: occupation → (skill level code → years).
    /// </summary>
    public Dictionary<string, Dictionary<string, int>> CumulativeWorkYearsByOccupation { get; set; } =
        new(StringComparer.Ordinal);

    /// <summary>
    /// Related majors per occupation for the theory-exam exemption (R9): occupation → majors. No entry, no exemption.
    /// </summary>
    public Dictionary<string, List<string>> RelatedMajors { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The honours that open the green channel (R7), by code or Chinese name.</summary>
    public List<string> GreenChannelHonours { get; set; } = [];

    /// <summary>The title series an occupation corresponds to, for screening without <c>applications.csv</c>.</summary>
    public Dictionary<string, string> OccupationSeries { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The series used when nothing maps the occupation: <c>engineering</c> (227号 一: 工程 is the focus).</summary>
    public string DefaultSeries { get; set; } = "engineering";

    /// <summary>
    /// The project defaults as shipped (the same values as the host's <c>appsettings.json</c>): years 2/3/4,
    /// all five green-channel honours, no related majors, every occupation in the engineering series.
    /// </summary>
    public static PolicyOptions ProjectDefaults() => new()
    {
        CumulativeWorkYears = new(StringComparer.OrdinalIgnoreCase)
        {
            ["senior_worker"] = 2,
            ["technician"] = 3,
            ["senior_technician"] = 4,
        },
        GreenChannelHonours =
        [
            "china_skills_award",
            "national_technical_expert",
            "national_master_studio_lead",
            "special_government_allowance",
            "provincial_high_end_talent",
        ],
    };
}
