using System.Diagnostics;
using System.Threading.Channels;
using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Engine.Roster.Sources;
using EnterpriseEval.Engine.Screening;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Engine;

/// <summary>
/// The screening pass (docs/architecture.md, "The engine"): reads a roster a chunk at a time, screens each chunk with
/// the statutory rules and then the plug-ins' criteria behind their guardrails, and streams the results to a sink.
/// Every consumer (<c>eeval screen</c>, <c>notices</c>, <c>review screen</c>, <c>--watch</c>, the test kit) runs it.
/// </summary>
/// <remarks>
/// Reading, screening and the sink each run on a task of their own, joined by bounded channels: the roster is read at
/// most one chunk ahead, and at most <see cref="ChunksInFlight"/> screened chunks wait for the sink, so a slow sink
/// holds the engine back instead of letting decisions pile up in memory. One scheduler serves the whole run: a
/// criterion disabled for hanging in one chunk stays disabled for the rest of the run (docs/plugins.md).
/// </remarks>
public sealed class ScreeningEngine
{
    private readonly Screener? _screener;
    private readonly RosterLimits _limits;
    private readonly IReadOnlyList<ITableSourceOpener> _formats;
    private readonly ILogger? _logger;
    private readonly int? _chunkSize;
    private readonly int _chunksInFlight = 1;

    /// <summary>An engine with the project's default policy, limits and guardrails; CSV rosters only.</summary>
    public ScreeningEngine()
    {
        _limits = new RosterLimits();
        _formats = [];
    }

    /// <summary>The engine as the host composes it: options from configuration, the roster formats it registers.</summary>
    internal ScreeningEngine(Screener screener, IOptions<RosterLimits> limits, IEnumerable<ITableSourceOpener> formats, ILogger logger)
    {
        _screener = screener;
        _limits = limits.Value;
        _formats = [.. formats];
        _logger = logger;
    }

    /// <summary>Employees per chunk: the unit read, screened and handed to the sink (default 4,096).</summary>
    public int ChunkSize
    {
        get => _chunkSize ?? _screener?.ChunkSize ?? new ScreeningOptions().ChunkSize;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _chunkSize = value;
        }
    }

    /// <summary>
    /// How long one criterion may run on one decision before the decision becomes <c>needs_review</c> and the criterion
    /// is disabled for the rest of the run (default 2 seconds). An engine the host composes takes it from configuration.
    /// </summary>
    public TimeSpan CriterionTimeout { get; init; } = TimeSpan.FromMilliseconds(new PluginsOptions().CriterionTimeoutMilliseconds);

    /// <summary>Screened chunks that may wait for the sink (the bounded channel's capacity; default 1).</summary>
    public int ChunksInFlight
    {
        get => _chunksInFlight;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _chunksInFlight = value;
        }
    }

    /// <summary>
    /// Screens a roster as of a cut-off and streams the results to <paramref name="sink"/>, chunk by chunk, then
    /// completes it with the summary.
    /// </summary>
    /// <param name="roster">The employees.</param>
    /// <param name="asOf">The cut-off date (截止日期).</param>
    /// <param name="plugins">The plug-ins; null = statutory rules only. The caller keeps and disposes them.</param>
    /// <param name="sink">Where the results go.</param>
    /// <param name="progress">Stage and employees screened, reported as the run goes.</param>
    /// <param name="cancellationToken">Stops the run between chunks; the sink is then not completed.</param>
    /// <returns>What the run read and screened.</returns>
    /// <exception cref="EngineException">The roster cannot be read, the policy is misconfigured, or the sink reports a problem.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public Task<ScreeningSummary> RunAsync(
        RosterSource roster,
        DateOnly asOf,
        EnginePlugins? plugins,
        IDecisionSink sink,
        IProgress<EngineProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(sink);
        return RunAsync(roster, asOf, plugins?.Set ?? PluginSet.Empty, sink, progress, null, cancellationToken);
    }

    /// <summary>Screens a roster and keeps every result in memory.</summary>
    /// <param name="roster">The employees.</param>
    /// <param name="asOf">The cut-off date (截止日期).</param>
    /// <param name="plugins">The plug-ins; null = statutory rules only.</param>
    /// <param name="cancellationToken">Stops the run between chunks.</param>
    /// <returns>The filled sink, with its <see cref="InMemoryDecisionSink.Summary"/>.</returns>
    /// <exception cref="EngineException">The roster cannot be read or the policy is misconfigured.</exception>
    public InMemoryDecisionSink Screen(RosterSource roster, DateOnly asOf, EnginePlugins? plugins = null, CancellationToken cancellationToken = default)
    {
        var sink = new InMemoryDecisionSink();
        RunAsync(roster, asOf, plugins, sink, null, cancellationToken).GetAwaiter().GetResult();
        return sink;
    }

    /// <summary>
    /// The run, for the host: <paramref name="tuning"/> gives a screener when the run has its own policy (a review
    /// batch's recorded configuration), a chunk size when it commits in chunks of its own, a stage timer to see where a
    /// large run spends its time.
    /// </summary>
    internal async Task<ScreeningSummary> RunAsync(
        RosterSource roster,
        DateOnly asOf,
        PluginSet plugins,
        IDecisionSink sink,
        IProgress<EngineProgress>? progress,
        RunTuning? tuning,
        CancellationToken ct)
    {
        var screener = tuning?.Screener ?? _screener ?? DefaultScreener();
        var chunkSize = tuning?.ChunkSize ?? ChunkSize;
        var times = tuning?.Times ?? new StageTimes();
        progress?.Report(new EngineProgress("读取花名册", 0, 0));

        // A CSV roster is streamed only into a sink that can start again: a table found out of order part-way means
        // the roster is read whole and the run starts over (the results are the same either way).
        var stream = sink is IRestartableSink;
        string? readWhole = null;
        while (true)
        {
            OpenedRoster? opened = null;
            try
            {
                opened = roster.Open(new RosterOpening(chunkSize, stream, _limits, _formats, times, ct) { Tables = plugins.ExtraTables });
                var summary = await RunOpenedAsync(opened, asOf, plugins, screener, chunkSize, sink, progress, times, readWhole, ct).ConfigureAwait(false);
                if (_logger is not null)
                {
                    times.Log(_logger);
                }

                return summary;
            }
            catch (RosterOrderException e) when (stream)
            {
                // Nothing is lost but time: what the sink was given is forgotten, and the roster is read again, whole.
                stream = false;
                readWhole = e.Message;
                ((IRestartableSink)sink).Restart();
                progress?.Report(new EngineProgress("读取花名册（整体读入）", 0, 0));
            }
            finally
            {
                opened?.Dispose();
            }
        }
    }

    private Screener DefaultScreener() => new(
        Options.Create(PolicyOptions.ProjectDefaults()),
        Options.Create(new ScreeningOptions { ChunkSize = ChunkSize }),
        Options.Create(new PluginsOptions { CriterionTimeoutMilliseconds = (int)Math.Clamp(CriterionTimeout.TotalMilliseconds, 1, int.MaxValue) }));

    private async Task<ScreeningSummary> RunOpenedAsync(
        OpenedRoster roster,
        DateOnly asOf,
        PluginSet plugins,
        Screener screener,
        int chunkSize,
        IDecisionSink sink,
        IProgress<EngineProgress>? progress,
        StageTimes times,
        string? readWhole,
        CancellationToken ct)
    {
        var total = roster.Count;
        progress?.Report(new EngineProgress("资格筛查", 0, total));

        // One pass, one scheduler, for the whole run (docs/plugins.md, guardrails).
        var pass = screener.Begin(total, asOf, plugins, roster.HasApplications);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var chunks = Channel.CreateBounded<IReadOnlyList<EmployeeRecord>>(
            new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        var screened = Channel.CreateBounded<DecisionChunk>(
            new BoundedChannelOptions(_chunksInFlight) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        var notApplied = 0;

        // The next chunk is read while this one is screened.
        var reading = Task.Run(
            async () =>
            {
                try
                {
                    while (true)
                    {
                        stop.Token.ThrowIfCancellationRequested();
                        var started = Stopwatch.GetTimestamp();
                        var chunk = roster.Next(chunkSize);
                        times.Reading += Stopwatch.GetElapsedTime(started).TotalSeconds;
                        if (chunk is null)
                        {
                            break;
                        }

                        await chunks.Writer.WriteAsync(chunk, stop.Token).ConfigureAwait(false);
                    }
                }
                catch
                {
                    stop.Cancel();
                    throw;
                }
                finally
                {
                    chunks.Writer.TryComplete();
                }
            },
            CancellationToken.None);

        var screening = Task.Run(
            async () =>
            {
                try
                {
                    var done = 0;
                    while (true)
                    {
                        var started = Stopwatch.GetTimestamp();
                        var more = await chunks.Reader.WaitToReadAsync(stop.Token).ConfigureAwait(false);
                        times.WaitingForReader += Stopwatch.GetElapsedTime(started).TotalSeconds;
                        if (!more)
                        {
                            break;
                        }

                        while (chunks.Reader.TryRead(out var records))
                        {
                            stop.Token.ThrowIfCancellationRequested();
                            var result = pass.Screen(records, 0, records.Count);
                            notApplied += result.NotApplied;
                            foreach (var decisions in result.DecisionsByEmployee)
                            {
                                times.CandidatePaths += decisions?.Count ?? 0;
                            }

                            times.ScreeningCpu = pass.WorkerCpuSeconds;
                            started = Stopwatch.GetTimestamp();
                            await screened.Writer.WriteAsync(new DecisionChunk(done, result), stop.Token).ConfigureAwait(false);
                            times.WaitingForWriters += Stopwatch.GetElapsedTime(started).TotalSeconds;
                            done += records.Count;
                            progress?.Report(new EngineProgress("资格筛查", done, total));
                        }
                    }
                }
                catch
                {
                    stop.Cancel();
                    throw;
                }
                finally
                {
                    screened.Writer.TryComplete();
                }
            },
            CancellationToken.None);

        // The sink takes each chunk on a task of its own while the next is screened.
        var writing = Task.Run(
            async () =>
            {
                try
                {
                    while (await screened.Reader.WaitToReadAsync(stop.Token).ConfigureAwait(false))
                    {
                        while (screened.Reader.TryRead(out var chunk))
                        {
                            stop.Token.ThrowIfCancellationRequested();
                            await sink.WriteAsync(chunk, stop.Token).ConfigureAwait(false);
                        }
                    }
                }
                catch
                {
                    stop.Cancel();
                    throw;
                }
            },
            CancellationToken.None);

        try
        {
            await Task.WhenAll(reading, screening, writing).ConfigureAwait(false);
        }
        catch
        {
            // Report the failure that caused the others to stop: the sink's or the screening's first (as a screening
            // that fails writing its results has always reported), then the reader's, then the caller's cancellation.
            ct.ThrowIfCancellationRequested();
            foreach (var task in (Task[])[writing, screening, reading])
            {
                if (task.Exception?.InnerException is { } e and not OperationCanceledException)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e);
                }
            }

            throw;
        }

        ct.ThrowIfCancellationRequested();
        var findings = roster.Findings();
        var summary = new ScreeningSummary(asOf, plugins.Provenance, findings.EmployeeRowsRead, total, notApplied, findings.Rejects)
        {
            Warnings = findings.Warnings,
            ApplicationsWarning = findings.ApplicationsWarning,
            Notes = findings.Notes,
            ReadWhole = readWhole,
        };
        await sink.CompleteAsync(summary, ct).ConfigureAwait(false);
        return summary;
    }
}

/// <summary>What the host may set for one run: its own screener (policy), chunk size, stage timer.</summary>
internal sealed record RunTuning(Screener? Screener = null, int? ChunkSize = null, StageTimes? Times = null);
