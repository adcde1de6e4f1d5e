namespace EnterpriseEval.Sdk.Screening;

/// <summary>
/// The project defaults of docs/rules.md that are configuration, not statute: bound from the configuration section
/// <see cref="SectionName"/> (codes or Chinese names accepted wherever a level, series or honour is named).
/// Findings that rest on these values cite <see cref="Clauses.ProjectDefault"/>.
/// </summary>
internal sealed class PolicyOptions
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

    /// <summary>
    /// The title series (and specialty) an occupation corresponds to (专业对应关系, 96号 二（一）), for title paths whose
    /// application names no series: occupation → series, or series/specialty (e.g. <c>工程/机械工程</c>). Wins over the
    /// project's default correspondence shipped with the SDK (<c>Data/occupation-series.csv</c>); an empty value
    /// declares that the occupation corresponds to no series. An occupation declared nowhere has no series and its
    /// title decisions need review (docs/rules.md).
    /// </summary>
    public Dictionary<string, string> OccupationSeries { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// An explicit opt-in, empty by default: the series assumed for an occupation that neither
    /// <see cref="OccupationSeries"/> nor the default correspondence declares. Left empty, such an occupation has no
    /// series and its title decisions need review, since 96号 二（二）1 opens the 「相应专业」 title only; when set,
    /// every decision that rests on it says that the series was assumed by configuration.
    /// </summary>
    public string DefaultSeries { get; set; } = "";

    /// <summary>
    /// The project defaults as shipped (the same values as the host's <c>appsettings.json</c>): years 2/3/4,
    /// all five green-channel honours, no related majors, no occupation series beyond the SDK's default correspondence
    /// and no default series.
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
