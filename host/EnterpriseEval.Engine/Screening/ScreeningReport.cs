using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Screening;

/// <summary>What a completed screening produced, for the summary a person reads.</summary>
/// <param name="EmployeesScreened">Employees accepted and screened (those who did not apply, in a roster with applications, excepted).</param>
/// <param name="RosterReadWhole">
/// Why a CSV roster could not be read a chunk at a time and was read whole instead (Chinese), or null. The files are
/// the same either way; only memory and time differ.
/// </param>
/// <param name="RosterNotes">
/// How the roster was read, where a person should know it (Chinese): a workbook sheet taken as the employees table,
/// title rows skipped above a header (docs/roster.md, Workbooks).
/// </param>
/// <param name="RosterWarnings">What the person should know about how the roster was read (Chinese), e.g. files read as GB18030.</param>
internal sealed record ScreeningReport(
    DateOnly AsOf,
    int EmployeesRead,
    int EmployeesScreened,
    int RejectLines,
    IReadOnlyDictionary<(ScreeningPath Path, Outcome Outcome), int> DecisionCounts,
    int Equivalences,
    IReadOnlyList<string> FilesWritten,
    IReadOnlyList<string> PluginsLoaded,
    IReadOnlyList<string> PluginsRefused,
    string? RosterReadWhole = null,
    IReadOnlyList<string>? RosterNotes = null,
    IReadOnlyList<string>? RosterWarnings = null)
{
    /// <summary>
    /// Employees not screened because the roster has applications and they have none (docs/rules.md "Which decisions
    /// are made"); not counted in <see cref="EmployeesScreened"/>.
    /// </summary>
    public int NotApplied { get; init; }

    /// <summary>A Chinese warning about the applications table (a header and no rows: read as no applications), or null.</summary>
    public string? ApplicationsWarning { get; init; }

    /// <summary>Equivalences whose appointment the certificates held do not back (R11, <c>needs_review</c>).</summary>
    public int EquivalencesToReview { get; init; }
}
