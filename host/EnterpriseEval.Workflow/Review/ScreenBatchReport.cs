namespace EnterpriseEval.Workflow.Review;

/// <summary>What one run of <c>review screen</c> did.</summary>
/// <param name="Imported">Whether this run imported the roster (false when resuming on the stored one).</param>
/// <param name="Rejects">Roster rows or values rejected.</param>
/// <param name="ResumedFrom">Employees already committed before this run.</param>
/// <param name="Done">Employees committed after this run.</param>
/// <param name="Total">Employees in the roster.</param>
/// <param name="Decisions">Decisions stored for the batch so far.</param>
/// <param name="Stopped">Whether the run stopped early on <c>--stop-after</c>.</param>
internal sealed record ScreenBatchReport(bool Imported, int Rejects, int ResumedFrom, int Done, int Total, int Decisions, bool Stopped)
{
    /// <summary>Employees of the roster not screened because it has applications and they have none (docs/rules.md).</summary>
    public int NotApplied { get; init; }

    /// <summary>A Chinese warning about the applications table (a header and no rows), or null.</summary>
    public string? ApplicationsWarning { get; init; }

    /// <summary>When the roster was imported by this run: what the person should know about how it was read (Chinese).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
