using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Runtime.Screening;

/// <summary>What a completed screening produced, for the summary a person reads.</summary>
internal sealed record ScreeningReport(
    DateOnly AsOf,
    int EmployeesRead,
    int EmployeesScreened,
    int RejectLines,
    IReadOnlyDictionary<(ScreeningPath Path, Outcome Outcome), int> DecisionCounts,
    int Equivalences,
    IReadOnlyList<string> FilesWritten,
    IReadOnlyList<string> PluginsLoaded,
    IReadOnlyList<string> PluginsRefused);
