using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Engine.Screening;

/// <summary>
/// The screening stage of the pipeline: statutory rules, then plug-in criteria behind their guardrails, for every
/// employee, on all cores when the roster is large. Output order never depends on the number of threads.
/// </summary>
internal sealed class Screener(IOptions<PolicyOptions> policy, IOptions<ScreeningOptions> screening, IOptions<PluginsOptions> pluginOptions)
{
    /// <summary>Employees per chunk of a run (<see cref="ScreeningOptions.ChunkSize"/>); the engine's run
    /// (<see cref="ScreeningEngine"/>) hands the chunks to <see cref="Begin"/>'s pass.</summary>
    public int ChunkSize => Math.Max(1, screening.Value.ChunkSize);

    /// <summary>Screens records in one chunk and keeps every decision (for tests; commands run <see cref="ScreeningEngine"/>).</summary>
    /// <param name="rosterHasApplications">
    /// Whether the roster as a whole has applications (<see cref="Roster.RosterReadResult.HasApplications"/>): then
    /// employees without application rows are not screened.
    /// </param>
    public ScreeningResult Screen(
        IReadOnlyList<EmployeeRecord> records, DateOnly asOf, PluginSet plugins, bool rosterHasApplications, IProgress<int>? progress = null)
    {
        var chunk = Begin(records.Count, asOf, plugins, rosterHasApplications)
            .Screen(records, 0, records.Count, progress is null ? null : progress.Report);
        return Result(chunk, asOf, plugins);
    }

    /// <summary>
    /// Starts one screening run over <paramref name="employees"/> employees, screened chunk by chunk by the caller: one
    /// scheduler for the whole run, so a criterion disabled for hanging in one chunk stays disabled in the next.
    /// </summary>
    public ScreeningPass Begin(int employees, DateOnly asOf, PluginSet plugins, bool rosterHasApplications)
    {
        var scheduler = new GuardedScheduler(
            employees >= screening.Value.ParallelThreshold ? Environment.ProcessorCount : 1,
            pluginOptions.Value.CriterionTimeoutMilliseconds)
        {
            Budget = new PluginBudget(pluginOptions.Value.PluginTimeBudgetFor(employees)),
        };
        // One rule set per group of plug-ins governing the same employees (docs/plugins.md, "Scope"): each group's
        // occupation tables, related majors and years, made once for the run.
        return new ScreeningPass([.. plugins.Scopes.Groups.Select(CreateRules)], plugins, scheduler, asOf, rosterHasApplications);
    }

    /// <summary>The decisions and equivalences of one screened chunk, as a result.</summary>
    public static ScreeningResult Result(ScreenedChunk chunk, DateOnly asOf, PluginSet plugins) =>
        new(asOf, chunk.DecisionsByEmployee, [.. chunk.Equivalences.OfType<PostEquivalence>()], plugins.Provenance)
        {
            NotApplied = chunk.NotApplied,
        };

    private StatutoryRuleSet CreateRules(PluginSet plugins)
    {
        try
        {
            return StatutoryRuleSet.Create(plugins.ApplyTo(policy.Value));
        }
        catch (ArgumentException e)
        {
            throw new UserFacingException($"配置错误（{PolicyOptions.SectionName}）：{e.Message}", e);
        }
    }
}
