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
    /// <summary>Employees per chunk when streaming (<see cref="ScreeningOptions.ChunkSize"/>).</summary>
    public int ChunkSize => Math.Max(1, screening.Value.ChunkSize);

    /// <summary>Screens the whole roster and keeps every decision (for callers that need them all: notices, watch).</summary>
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
            Budget = new PluginBudget(pluginOptions.Value.PluginTimeBudgetSeconds),
        };
        return new ScreeningPass(CreateRules(plugins), plugins, scheduler, asOf, rosterHasApplications);
    }

    /// <summary>The decisions and equivalences of one screened chunk, as a result.</summary>
    public static ScreeningResult Result(ScreenedChunk chunk, DateOnly asOf, PluginSet plugins) =>
        new(asOf, chunk.DecisionsByEmployee, [.. chunk.Equivalences.OfType<PostEquivalence>()], plugins.Provenance)
        {
            NotApplied = chunk.NotApplied,
        };

    /// <summary>
    /// Screens the roster <see cref="ChunkSize"/> employees at a time, in roster order, handing each chunk to
    /// <paramref name="consume"/> before screening the next: only the chunks the consumer still holds stay in memory.
    /// </summary>
    public void ScreenInChunks(
        IReadOnlyList<EmployeeRecord> records,
        DateOnly asOf,
        PluginSet plugins,
        bool rosterHasApplications,
        Action<ScreenedChunk> consume,
        IProgress<int>? progress = null,
        CancellationToken ct = default)
    {
        var from = 0;
        ScreenInChunks(
            records.Count,
            () =>
            {
                if (from >= records.Count)
                {
                    return null;
                }

                var count = Math.Min(ChunkSize, records.Count - from);
                var chunk = new EmployeeRecord[count];
                for (var i = 0; i < count; i++)
                {
                    chunk[i] = records[from + i];
                }

                from += count;
                return chunk;
            },
            asOf,
            plugins,
            rosterHasApplications,
            consume,
            progress,
            ct);
    }

    /// <summary>
    /// Screens the chunks <paramref name="nextChunk"/> hands over (null when there are no more), in order, handing
    /// each screened chunk to <paramref name="consume"/> before asking for the next.
    /// </summary>
    /// <param name="total">Employees in all chunks together: decides whether to use every core, and the progress total.</param>
    public void ScreenInChunks(
        int total,
        Func<IReadOnlyList<EmployeeRecord>?> nextChunk,
        DateOnly asOf,
        PluginSet plugins,
        bool rosterHasApplications,
        Action<ScreenedChunk> consume,
        IProgress<int>? progress = null,
        CancellationToken ct = default)
    {
        var pass = Begin(total, asOf, plugins, rosterHasApplications);
        var done = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (nextChunk() is not { } chunk)
            {
                break;
            }

            consume(pass.Screen(chunk, 0, chunk.Count));
            done += chunk.Count;
            progress?.Report(done);
        }
    }


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
