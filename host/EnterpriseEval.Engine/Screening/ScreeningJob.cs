using EnterpriseEval.Engine.Output;
using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Engine.Roster.Sources;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Engine.Screening;

/// <summary>
/// <c>eeval screen</c> and <c>eeval notices</c> on the engine (docs/architecture.md, "The engine"): load the plug-ins,
/// run <see cref="ScreeningEngine"/> over the roster into the result files (<see cref="ResultSetSink"/>) or into memory.
/// </summary>
internal sealed class ScreeningJob(
    ScreeningEngine engine,
    PluginCatalog catalog,
    TimeProvider time,
    IOptions<RosterLimits> rosterLimits,
    IEnumerable<ITableSourceOpener> formats)
{
    public const string DecisionsCsv = ResultSetSink.DecisionsCsv;
    public const string DecisionsJson = ResultSetSink.DecisionsJson;
    public const string EquivalencesCsv = ResultSetSink.EquivalencesCsv;
    public const string RejectsCsv = ResultSetSink.RejectsCsv;

    /// <summary>
    /// Screens and writes in one stream: each chunk of the roster is written (on another thread) while the next is
    /// screened, so a large roster's decisions are never all in memory.
    /// </summary>
    /// <remarks>
    /// A CSV roster whose tables follow the order of <c>employees.csv</c> is also read a chunk at a time, ahead of
    /// screening on another thread (<see cref="RosterStream"/>); any other roster, or one found out of order on the
    /// way, is read whole first. Both give the same files.
    /// </remarks>
    public ScreeningReport Run(ScreeningRequest request, IProgress<ScreeningStage>? progress = null, CancellationToken ct = default) =>
        Run(request, memory: null, progress, ct);

    /// <summary>
    /// As <see cref="Run(ScreeningRequest, IProgress{ScreeningStage}?, CancellationToken)"/>, also keeping every decision in
    /// <paramref name="memory"/> (the watch compares them with the previous run's).
    /// </summary>
    public ScreeningReport Run(ScreeningRequest request, InMemoryDecisionSink? memory, IProgress<ScreeningStage>? progress, CancellationToken ct)
    {
        var asOf = request.AsOf ?? CutOff.Default(time);
        progress?.Report(new ScreeningStage("加载插件", 0, 0));
        using var plugins = catalog.Load(request.PluginsDirectory);
        RequireAllLoaded(plugins, request);
        var times = new StageTimes();
        using var files = new ResultSetSink(request.OutputDirectory, asOf, plugins, times);
        IDecisionSink sink = memory is null ? files : new TeeSink(files, memory);
        engine.RunAsync(RosterSource.FromFolder(request.RosterPath), asOf, plugins, sink, Adapt(progress), new RunTuning(Times: times), ct)
            .GetAwaiter().GetResult();
        return files.Report!;
    }

    /// <summary>
    /// Loads the plug-ins, reads the roster whole and screens it, writing nothing. The caller disposes the result, which
    /// keeps the plug-ins loaded for what comes next (notices use the records, their pay tables and templates).
    /// </summary>
    public ScreenedRoster Screen(ScreeningRequest request, IProgress<ScreeningStage>? progress = null, CancellationToken ct = default)
    {
        var asOf = request.AsOf ?? CutOff.Default(time);
        progress?.Report(new ScreeningStage("加载插件", 0, 0));
        var plugins = catalog.Load(request.PluginsDirectory);
        try
        {
            RequireAllLoaded(plugins, request);
            progress?.Report(new ScreeningStage("读取花名册", 0, 0));
            var roster = RosterReader.ReadFolder(request.RosterPath, ct, rosterLimits.Value, formats, plugins.ExtraTables);
            var memory = new InMemoryDecisionSink();
            var summary = engine.RunAsync(RosterSource.FromRead(roster), asOf, plugins, memory, Adapt(progress), null, ct).GetAwaiter().GetResult();
            var result = new ScreeningResult(asOf, memory.DecisionsByEmployee, memory.Equivalences, plugins.Provenance)
            {
                NotApplied = summary.NotApplied,
            };
            return new ScreenedRoster(roster, result, plugins);
        }
        catch
        {
            plugins.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A refused plug-in stops the run, naming it and the reason, unless the caller asked to go on with what loaded
    /// (<see cref="ScreeningRequest.AllowStatutoryOnly"/>): a script must not take a statutory-only screening for the
    /// firm's (docs/plugins.md, "When a plug-in is refused").
    /// </summary>
    /// <exception cref="UserFacingException">A plug-in was refused and no fallback was asked for.</exception>
    internal static void RequireAllLoaded(PluginSet plugins, ScreeningRequest request)
    {
        if (plugins.Refused.Count > 0 && !request.AllowStatutoryOnly)
        {
            throw new UserFacingException(
                $"有 {plugins.Refused.Count} 个插件未能加载，未执行筛查，结果未写出：{string.Join("；", plugins.Refused.Select(e => e.Message))}。" +
                "请修正插件（可用 eeval plugins validate 检查）；确需不用这些插件继续时，加 --allow-statutory-only");
        }
    }

    private static InlineProgress<EngineProgress>? Adapt(IProgress<ScreeningStage>? progress) =>
        progress is null ? null : new(p => progress.Report(new ScreeningStage(p.Stage, p.Done, p.Total)));
}
