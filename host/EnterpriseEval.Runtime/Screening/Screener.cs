using EnterpriseEval.Runtime.Plugins;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Runtime.Screening;

/// <summary>
/// The screening stage of the pipeline: statutory rules, then plug-in criteria behind their guardrails, for every
/// employee, on all cores when the roster is large. Output order never depends on the number of threads.
/// </summary>
internal sealed class Screener(IOptions<PolicyOptions> policy, IOptions<ScreeningOptions> screening, IOptions<PluginsOptions> pluginOptions)
{
    /// <summary>Employees per chunk when streaming: enough to keep both cores busy, small enough to hold twice.</summary>
    public const int ChunkSize = 4_096;

    /// <summary>Screens the whole roster and keeps every decision (for callers that need them all: notices, watch).</summary>
    public ScreeningResult Screen(IReadOnlyList<EmployeeRecord> records, DateOnly asOf, PluginSet plugins, IProgress<int>? progress = null)
    {
        var chunk = Start(records.Count, asOf, plugins).Screen(records, 0, records.Count, progress is null ? null : progress.Report);
        return new ScreeningResult(asOf, chunk.DecisionsByEmployee, [.. chunk.Equivalences.OfType<PostEquivalence>()], plugins.Provenance);
    }

    /// <summary>
    /// Screens the roster <see cref="ChunkSize"/> employees at a time, in roster order, handing each chunk to
    /// <paramref name="consume"/> before screening the next: only the chunks the consumer still holds stay in memory.
    /// </summary>
    public void ScreenInChunks(
        IReadOnlyList<EmployeeRecord> records,
        DateOnly asOf,
        PluginSet plugins,
        Action<ScreenedChunk> consume,
        IProgress<int>? progress = null,
        CancellationToken ct = default)
    {
        var pass = Start(records.Count, asOf, plugins);
        for (var from = 0; from < records.Count; from += ChunkSize)
        {
            ct.ThrowIfCancellationRequested();
            var count = Math.Min(ChunkSize, records.Count - from);
            consume(pass.Screen(records, from, count));
            progress?.Report(from + count);
        }
    }

    private ScreeningPass Start(int employees, DateOnly asOf, PluginSet plugins)
    {
        var scheduler = new GuardedScheduler(
            employees >= screening.Value.ParallelThreshold ? Environment.ProcessorCount : 1,
            pluginOptions.Value.CriterionTimeoutMilliseconds);
        return new ScreeningPass(CreateRules(plugins), plugins, scheduler, asOf);
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
