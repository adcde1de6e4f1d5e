namespace EnterpriseEval.Engine.Screening;

/// <summary>What <c>eeval screen</c> was asked to do.</summary>
/// <param name="RosterPath">The roster folder.</param>
/// <param name="AsOf">The cut-off; absent = 31 December of the current year.</param>
/// <param name="OutputDirectory">Where the four output files go (created when missing).</param>
/// <param name="PluginsDirectory">The plug-ins folder; absent = the configured one, or statutory rules only.</param>
/// <param name="AllowStatutoryOnly">
/// <c>--allow-statutory-only</c>: a plug-in that is refused is reported and the run goes on without it. Otherwise a
/// refusal stops the run before anything is written (docs/plugins.md, "When a plug-in is refused").
/// </param>
internal sealed record ScreeningRequest(
    string RosterPath, DateOnly? AsOf, string OutputDirectory, string? PluginsDirectory = null, bool AllowStatutoryOnly = false);
