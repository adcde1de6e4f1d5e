namespace EnterpriseEval.Runtime.Screening;

/// <summary>Runtime settings of a screening (configuration section <c>EnterpriseEval:Screening</c>).</summary>
internal sealed class ScreeningOptions
{
    public const string SectionName = "EnterpriseEval:Screening";

    /// <summary>Rosters with at least this many employees are screened on all cores.</summary>
    public int ParallelThreshold { get; set; } = 2_000;
}
