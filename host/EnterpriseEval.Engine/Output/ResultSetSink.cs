using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Engine.Screening;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Engine.Output;

/// <summary>
/// The sink of <c>eeval screen</c> (docs/architecture.md, "The engine"): <c>decisions.csv</c> and <c>decisions.json</c>
/// written chunk by chunk (the two files on two threads at once: together they are the slowest stage of a large run),
/// then <c>equivalences.csv</c> and <c>rejects.csv</c>, all four staged and published as one set (docs/security.md).
/// </summary>
internal sealed class ResultSetSink(string outputDirectory, DateOnly asOf, PluginSet plugins, StageTimes times) : IDecisionSink, IRestartableSink, IDisposable
{
    public const string DecisionsCsv = "decisions.csv";
    public const string DecisionsJson = "decisions.json";
    public const string EquivalencesCsv = "equivalences.csv";
    public const string RejectsCsv = "rejects.csv";

    private static readonly string[] Names = [DecisionsCsv, DecisionsJson, EquivalencesCsv, RejectsCsv];

    private readonly List<PostEquivalence> _equivalences = [];
    private ResultSet? _set;
    private DecisionOutput? _output;

    /// <summary>What was produced, for the summary a person reads; set once the run completed.</summary>
    public ScreeningReport? Report { get; private set; }

    public async ValueTask WriteAsync(DecisionChunk chunk, CancellationToken cancellationToken)
    {
        var output = Output();
        var screened = chunk.Screened;
        try
        {
            await Task.WhenAll(
                Task.Run(() => StageTimes.Time(ref times.Csv, () => WriteCsv(output, screened, _equivalences)), CancellationToken.None),
                Task.Run(() => StageTimes.Time(ref times.Json, () => WriteJson(output, screened)), CancellationToken.None)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserFacingException($"无法写入输出文件夹：{outputDirectory}（{e.Message}）", e);
        }
    }

    public ValueTask CompleteAsync(ScreeningSummary summary, CancellationToken cancellationToken)
    {
        var output = Output();
        try
        {
            output.Complete();
            var counts = output.Counts;
            output.Dispose();
            _output = null;
            EquivalenceCsvWriter.Write(_set!.StagingPath(EquivalencesCsv), _equivalences);
            RejectCsvWriter.Write(_set.StagingPath(RejectsCsv), summary.RosterRejects);
            _set.Publish();
            Report = new ScreeningReport(
                asOf,
                summary.EmployeeRowsRead,
                summary.EmployeesScreened,
                summary.RosterRejects.Count,
                counts,
                _equivalences.Count,
                [.. Names.Select(_set.PublishedPath)],
                [.. plugins.Loaded.Select(p => $"{p.Manifest.Id} {p.Manifest.Version}（{p.Manifest.Enterprise}）")],
                [.. plugins.Refused.Select(e => e.Message)],
                summary.ReadWhole,
                summary.Notes,
                summary.Warnings)
            {
                NotApplied = summary.NotApplied,
                ApplicationsWarning = summary.ApplicationsWarning,
                EquivalencesToReview = _equivalences.Count(e => e.Status == EquivalenceStatus.NeedsReview),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserFacingException($"无法写入输出文件夹：{outputDirectory}（{e.Message}）", e);
        }

        return ValueTask.CompletedTask;
    }

    public void Restart()
    {
        Close();
        _equivalences.Clear();
    }

    /// <summary>Removes the staging folder unless the set was published.</summary>
    public void Dispose() => Close();

    private void Close()
    {
        _output?.Dispose();
        _output = null;
        _set?.Dispose();
        _set = null;
    }

    /// <summary>
    /// The decision files, created on first use: a roster that cannot be read at all leaves no trace in the output
    /// folder's parent.
    /// </summary>
    private DecisionOutput Output()
    {
        if (_output is not null)
        {
            return _output;
        }

        // Written into a staging folder and published as one set (docs/security.md): a run that fails half-way, or is
        // killed at any point, leaves the previous results as they were, never a mix of old and new files.
        _set ??= ResultSet.Begin(outputDirectory, Names);
        try
        {
            return _output = new DecisionOutput(_set.StagingPath(DecisionsCsv), _set.StagingPath(DecisionsJson), asOf, plugins.Provenance);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserFacingException($"无法写入输出文件夹：{outputDirectory}（{e.Message}）", e);
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
}

/// <summary>Hands every chunk to two sinks in turn (the result files, and memory for the watch's diff).</summary>
internal sealed class TeeSink(IDecisionSink first, IDecisionSink second) : IDecisionSink, IRestartableSink
{
    public async ValueTask WriteAsync(DecisionChunk chunk, CancellationToken cancellationToken)
    {
        await first.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
        await second.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask CompleteAsync(ScreeningSummary summary, CancellationToken cancellationToken)
    {
        await first.CompleteAsync(summary, cancellationToken).ConfigureAwait(false);
        await second.CompleteAsync(summary, cancellationToken).ConfigureAwait(false);
    }

    public void Restart()
    {
        ((IRestartableSink)first).Restart();
        ((IRestartableSink)second).Restart();
    }
}
