using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Runtime.Screening;

/// <summary>What a completed screening produced, for the summary a person reads.</summary>
/// <param name="RosterReadWhole">
/// Why a CSV roster could not be read a chunk at a time and was read whole instead (Chinese), or null. The files are
/// the same either way; only memory and time differ.
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
    IReadOnlyList<string>? RosterWarnings = null);
