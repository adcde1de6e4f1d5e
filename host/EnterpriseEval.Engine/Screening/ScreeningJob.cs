using System.Collections.Concurrent;
using System.Diagnostics;
using EnterpriseEval.Engine.Output;
using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Engine.Roster.Sources;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Engine.Screening;

/// <summary>
/// The whole pipeline behind <c>eeval screen</c>: read roster → screen → write decisions, equivalences, rejects.
/// </summary>
internal sealed class ScreeningJob(
    Screener screener,
    PluginCatalog catalog,
    TimeProvider time,
    ILogger<ScreeningJob> logger,
    IOptions<RosterLimits> rosterLimits,
    IEnumerable<ITableSourceOpener> formats)
{
    public const string DecisionsCsv = "decisions.csv";
    public const string DecisionsJson = "decisions.json";
    public const string EquivalencesCsv = "equivalences.csv";
    public const string RejectsCsv = "rejects.csv";

    /// <summary>
    /// Screens and writes in one stream: each chunk of the roster is written (on another thread) while the next is
    /// screened, so a large roster's decisions are never all in memory. Same files and counts as
    /// <see cref="Screen"/> followed by <see cref="Write"/>, for callers that need nothing else afterwards.
    /// </summary>
    /// <remarks>
    /// A CSV roster whose tables follow the order of <c>employees.csv</c> is also read a chunk at a time, ahead of
    /// screening on another thread (<see cref="RosterStream"/>); any other roster, or one found out of order on the
    /// way, is read whole first. Both give the same files.
    /// </remarks>
    public ScreeningReport Run(ScreeningRequest request, IProgress<ScreeningStage>? progress = null, CancellationToken ct = default)
    {
        var asOf = request.AsOf ?? CutOff.Default(time);
        progress?.Report(new ScreeningStage("加载插件", 0, 0));
        using var plugins = catalog.Load(request.PluginsDirectory);
        progress?.Report(new ScreeningStage("读取花名册", 0, 0));
        string? readWhole = null;
        var times = new StageTimes();
        var opened = Stopwatch.GetTimestamp();
        RosterStream? stream = null;
        try
        {
            // A table whose first rows already go back to employees of an earlier chunk is found here, before
            // anything is screened; one that goes back later is found on the way.
            stream = RosterReader.OpenStream(request.RosterPath, screener.ChunkSize, ct, rosterLimits.Value, formats);
            times.Employees = Stopwatch.GetElapsedTime(opened).TotalSeconds;
            if (stream is not null)
            {
                var report = RunStreamed(request.OutputDirectory, asOf, plugins, stream, times, progress, ct);
                times.Log(logger);
                return report;
            }
        }
        catch (RosterOrderException e)
        {
            // Nothing is lost but time: any partial files are gone, and the roster is read again, whole.
            readWhole = e.Message;
            progress?.Report(new ScreeningStage("读取花名册（整体读入）", 0, 0));
        }
        finally
        {
            stream?.Dispose();
        }

        var source = RosterReader.OpenSource(request.RosterPath, rosterLimits.Value, formats);
        var roster = RosterReader.Read(source, ct);
        var total = roster.Records.Count;
        var notApplied = new NotAppliedCount();
        progress?.Report(new ScreeningStage("资格筛查", 0, total));
        return WriteOutputs(
            request.OutputDirectory,
            asOf,
            plugins,
            output => ScreenAndWrite(
                output,
                (consume, screened) => screener.ScreenInChunks(roster.Records, asOf, plugins, roster.HasApplications, consume, screened, ct),
                total,
                progress,
                new StageTimes(),
                notApplied),
            () => new RosterCounts(roster.EmployeeRowsRead, total, roster.Rejects, notApplied.Value, roster.ApplicationsWarning, roster.Warnings),
            readWhole: readWhole,
            rosterNotes: source.Notes);
    }

    private ScreeningReport RunStreamed(
        string outputDirectory,
        DateOnly asOf,
        PluginSet plugins,
        RosterStream stream,
        StageTimes times,
        IProgress<ScreeningStage>? progress,
        CancellationToken ct)
    {
        var total = stream.Count;
        var notApplied = new NotAppliedCount();
        progress?.Report(new ScreeningStage("资格筛查", 0, total));
        return WriteOutputs(
            outputDirectory,
            asOf,
            plugins,
            output => ScreenAndWrite(
                output,
                (consume, screened) =>
                {
                    // The next chunk is read while this one is screened: never more than one waiting.
                    using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    using var chunks = new BlockingCollection<IReadOnlyList<EmployeeRecord>>(boundedCapacity: 1);
                    var reading = Task.Run(
                        () =>
                        {
                            try
                            {
                                while (StageTimes.Time(ref times.Reading, () => stream.Next(screener.ChunkSize)) is { } chunk)
                                {
                                    chunks.Add(chunk, stop.Token);
                                }
                            }
                            finally
                            {
                                chunks.CompleteAdding();
                            }
                        },
                        CancellationToken.None);
                    try
                    {
                        screener.ScreenInChunks(
                            total,
                            () => StageTimes.Time(
                                ref times.WaitingForReader,
                                () => chunks.TryTake(out var chunk, Timeout.Infinite, ct) ? chunk : null),
                            asOf,
                            plugins,
                            stream.HasApplications,
                            consume,
                            screened,
                            ct);
                    }
                    catch
                    {
                        // Screening or writing failed: stop the reader before leaving, and report this failure.
                        stop.Cancel();
                        try
                        {
                            reading.GetAwaiter().GetResult();
                        }
                        catch (Exception e) when (e is OperationCanceledException or RosterException or RosterOrderException)
                        {
                        }

                        throw;
                    }

                    // A failed read (a file neither UTF-8 nor GB18030, rows out of order) ends the chunks early: report it.
                    reading.GetAwaiter().GetResult();
                },
                total,
                progress,
                times,
                notApplied),
            () => new RosterCounts(stream.EmployeeRowsRead, total, stream.Rejects(), notApplied.Value, stream.ApplicationsWarning, stream.Warnings()));
    }

    /// <summary>
    /// Runs <paramref name="screen"/>, writing each chunk it screens while it screens the next, and returns the
    /// equivalences in roster order.
    /// </summary>
    private static List<PostEquivalence> ScreenAndWrite(
        DecisionOutput output,
        Action<Action<ScreenedChunk>, IProgress<int>?> screen,
        int total,
        IProgress<ScreeningStage>? progress,
        StageTimes times,
        NotAppliedCount notApplied)
    {
        var equivalences = new List<PostEquivalence>();
        var writing = Task.CompletedTask;
        try
        {
            screen(
                chunk =>
                {
                    // One chunk is written while the next is screened; never more, so memory stays bounded.
                    // The two files are written on two threads: together they are the slowest stage of a large run.
                    StageTimes.Time(ref times.WaitingForWriters, () => writing.GetAwaiter().GetResult());
                    notApplied.Value += chunk.NotApplied;
                    writing = Task.WhenAll(
                        Task.Run(() => StageTimes.Time(ref times.Csv, () => WriteCsv(output, chunk, equivalences))),
                        Task.Run(() => StageTimes.Time(ref times.Json, () => WriteJson(output, chunk))));
                },
                progress is null ? null : new Progress<int>(n => progress.Report(new ScreeningStage("资格筛查", n, total))));
        }
        finally
        {
            // Never close the files (or report a failure) while a chunk is still being written.
            writing.GetAwaiter().GetResult();
        }

        return equivalences;
    }

    /// <summary>Writes the four result files of a screened roster and reports what was produced.</summary>
    public ScreeningReport Write(ScreenedRoster screened, string outputDirectory)
    {
        var (roster, result, plugins) = (screened.Roster, screened.Result, screened.Plugins);
        return WriteOutputs(
            outputDirectory,
            result.AsOf,
            plugins,
            output =>
            {
                foreach (var d in result.Decisions)
                {
                    output.Write(d);
                }

                return result.Equivalences;
            },
            () => new RosterCounts(roster.EmployeeRowsRead, roster.Records.Count, roster.Rejects, result.NotApplied, roster.ApplicationsWarning, roster.Warnings),
            result.PluginProvenance);
    }

    /// <summary>
    /// Loads the plug-ins, reads the roster and screens it, writing nothing. The caller disposes the result, which
    /// keeps the plug-ins loaded for what comes next (notices use their pay tables and templates).
    /// </summary>
    public ScreenedRoster Screen(ScreeningRequest request, IProgress<ScreeningStage>? progress = null, CancellationToken ct = default)
    {
        var (asOf, plugins, roster) = Prepare(request, progress, ct);
        try
        {
            var total = roster.Records.Count;
            var result = screener.Screen(
                roster.Records,
                asOf,
                plugins,
                roster.HasApplications,
                progress is null ? null : new Progress<int>(n => progress.Report(new ScreeningStage("资格筛查", n, total))));
            ct.ThrowIfCancellationRequested();
            return new ScreenedRoster(roster, result, plugins);
        }
        catch
        {
            plugins.Dispose();
            throw;
        }
    }

    /// <summary>The cut-off, the plug-ins (loaded; the caller disposes them) and the roster read.</summary>
    private (DateOnly AsOf, PluginSet Plugins, RosterReadResult Roster) Prepare(
        ScreeningRequest request, IProgress<ScreeningStage>? progress, CancellationToken ct)
    {
        var asOf = request.AsOf ?? CutOff.Default(time);
        progress?.Report(new ScreeningStage("加载插件", 0, 0));
        var plugins = catalog.Load(request.PluginsDirectory);
        try
        {
            progress?.Report(new ScreeningStage("读取花名册", 0, 0));
            var roster = RosterReader.ReadFolder(request.RosterPath, ct, rosterLimits.Value);
            progress?.Report(new ScreeningStage("资格筛查", 0, roster.Records.Count));
            return (asOf, plugins, roster);
        }
        catch
        {
            plugins.Dispose();
            throw;
        }
    }

    /// <summary>Writes a chunk's <c>decisions.csv</c> rows and collects its equivalences.</summary>
    private static void WriteCsv(DecisionOutput output, ScreenedChunk chunk, List<PostEquivalence> equivalences)
    {
        for (var i = 0; i < chunk.DecisionsByEmployee.Length; i++)
        {
            foreach (var d in chunk.DecisionsByEmployee[i])
            {
                output.WriteCsv(d);
            }

            if (chunk.Equivalences[i] is { } e)
            {
                equivalences.Add(e);
            }
        }
    }

    /// <summary>Writes a chunk's <c>decisions.json</c> lines.</summary>
    private static void WriteJson(DecisionOutput output, ScreenedChunk chunk)
    {
        foreach (var decisions in chunk.DecisionsByEmployee)
        {
            foreach (var d in decisions)
            {
                output.WriteJson(d);
            }
        }
    }

    /// <summary>
    /// Creates the output folder, lets <paramref name="writeDecisions"/> fill <c>decisions.csv</c> and
    /// <c>decisions.json</c> (returning the equivalences), then writes the other two files and the report with what
    /// <paramref name="roster"/> says once the decisions are written (rows read, employees screened, rejects).
    /// </summary>
    private static ScreeningReport WriteOutputs(
        string outputDirectory,
        DateOnly asOf,
        PluginSet plugins,
        Func<DecisionOutput, IReadOnlyList<PostEquivalence>> writeDecisions,
        Func<RosterCounts> roster,
        string? pluginProvenance = null,
        string? readWhole = null,
        IReadOnlyList<string>? rosterNotes = null)
    {
        pluginProvenance ??= plugins.Provenance;
        string[] names = [DecisionsCsv, DecisionsJson, EquivalencesCsv, RejectsCsv];

        // Written into a staging folder and published as one set (docs/security.md): a run that fails half-way, or is
        // killed at any point, leaves the previous results as they were, never a mix of old and new files.
        using var set = ResultSet.Begin(outputDirectory, names);
        try
        {
            IReadOnlyDictionary<(ScreeningPath Path, Outcome Outcome), int> counts;
            IReadOnlyList<PostEquivalence> equivalences;
            using (var output = new DecisionOutput(set.StagingPath(DecisionsCsv), set.StagingPath(DecisionsJson), asOf, pluginProvenance))
            {
                equivalences = writeDecisions(output);
                output.Complete();
                counts = output.Counts;
            }

            var (rowsRead, employees, rejects, notApplied, applicationsWarning, warnings) = roster();
            EquivalenceCsvWriter.Write(set.StagingPath(EquivalencesCsv), equivalences);
            RejectCsvWriter.Write(set.StagingPath(RejectsCsv), rejects);
            set.Publish();

            return new ScreeningReport(
                asOf,
                rowsRead,
                employees - notApplied,
                rejects.Count,
                counts,
                equivalences.Count,
                [.. names.Select(set.PublishedPath)],
                [.. plugins.Loaded.Select(p => $"{p.Manifest.Id} {p.Manifest.Version}（{p.Manifest.Enterprise}）")],
                [.. plugins.Refused.Select(e => e.Message)],
                readWhole,
                rosterNotes ?? [],
                warnings)
            {
                NotApplied = notApplied,
                ApplicationsWarning = applicationsWarning,
                EquivalencesToReview = equivalences.Count(e => e.Status == EquivalenceStatus.NeedsReview),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserFacingException($"无法写入输出文件夹：{outputDirectory}（{e.Message}）", e);
        }
    }

    /// <summary>What the roster says once its decisions are written: rows read, employees accepted, rejects, and
    /// employees left out because the roster has applications and they have none.</summary>
    private readonly record struct RosterCounts(
        int RowsRead,
        int Employees,
        IReadOnlyList<RosterReject> Rejects,
        int NotApplied,
        string? ApplicationsWarning,
        IReadOnlyList<string> Warnings);

    /// <summary>Employees not screened for want of an application, summed chunk by chunk on the screening thread.</summary>
    private sealed class NotAppliedCount
    {
        public int Value { get; set; }
    }
}
