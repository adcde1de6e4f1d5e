namespace EnterpriseEval.Benchmarks;

/// <summary>
/// One candidate (an employee on one path and target) as flat facts, the input the RulesEngine workflow reads. Values
/// a rule needs that come from lists (which certificate, which assessment year) are looked up here, once, outside
/// the timed region; the date arithmetic and comparisons stay in the rule expressions.
/// </summary>
public sealed class FlatCandidate
{
    public string Path { get; init; } = "";

    public DateTime AsOf { get; init; }

    // Title paths: target level as TitleLevel's value (助理级 2 … 正高级 5) and series code.
    public int TargetTitleLevel { get; init; }

    public string TargetSeries { get; init; } = "";

    // R1–R3: the earliest-issued counted certificate at or above the rung of the target, and how its years count.
    public bool HasRungCertificate { get; init; }

    public DateTime RungCertificateIssuedOn { get; init; }

    public DateTime HireDate { get; init; }

    public bool HasWorkPeriods { get; init; }

    /// <summary>With work-period rows: the day the years are met (TechnicalSkillWork), MaxValue when it cannot be projected.</summary>
    public DateTime WorkPeriodMetOn { get; init; }

    /// <summary>Without work-period rows: whether the post category lets the years be presumed (not a management post).</summary>
    public bool PresumesTechnicalSkillWork { get; init; }

    // R4: results of the three calendar years before the cut-off's year, as codes ("" = missing).
    public string Assessment1 { get; init; } = "";

    public string Assessment2 { get; init; } = "";

    public string Assessment3 { get; init; } = "";

    // R7.
    public bool HasGreenChannelHonour { get; init; }

    /// <summary>高技能人才: a counted certificate at 高级工 or higher.</summary>
    public bool HasSeniorWorkerCertificate { get; init; }

    public bool Frontline { get; init; }

    // R8: highest title (TitleLevel's value, 0 = none), the title the target needs, occupation and years.
    public int HighestTitleLevel { get; init; }

    public int RequiredTitleLevel { get; init; }

    public string Occupation { get; init; } = "";

    public string TargetOccupation { get; init; } = "";

    public DateTime WorkStart { get; init; }

    public int RequiredYears { get; init; }
}
