namespace EnterpriseEval.Engine.Screening;

/// <summary>Runtime settings of a screening (configuration section <c>EnterpriseEval:Screening</c>).</summary>
internal sealed class ScreeningOptions
{
    public const string SectionName = "EnterpriseEval:Screening";

    /// <summary>Rosters with at least this many employees are screened on all cores.</summary>
    public int ParallelThreshold { get; set; } = 2_000;

    /// <summary>
    /// Employees screened (and, for a CSV roster in employees.csv order, read) per chunk while streaming: enough to
    /// keep every core busy, small enough to hold a few at a time.
    /// </summary>
    public int ChunkSize { get; set; } = 4_096;
}
