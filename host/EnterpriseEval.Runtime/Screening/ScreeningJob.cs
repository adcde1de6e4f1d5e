using EnterpriseEval.Runtime.Output;
using EnterpriseEval.Runtime.Plugins;
using EnterpriseEval.Runtime.Roster;

namespace EnterpriseEval.Runtime.Screening;

/// <summary>
/// The whole pipeline behind <c>eeval screen</c>: read roster → screen → write decisions, equivalences, rejects.
/// </summary>
internal sealed class ScreeningJob(Screener screener, PluginCatalog catalog, TimeProvider time)
{
    public const string DecisionsCsv = "decisions.csv";
    public const string DecisionsJson = "decisions.json";
    public const string EquivalencesCsv = "equivalences.csv";
    public const string RejectsCsv = "rejects.csv";

    public ScreeningReport Run(ScreeningRequest request, IProgress<ScreeningStage>? progress = null, CancellationToken ct = default)
    {
        using var screened = Screen(request, progress, ct);
        progress?.Report(new ScreeningStage("写出结果", screened.Roster.Records.Count, screened.Roster.Records.Count));
        return Write(screened, request.OutputDirectory);
    }

    /// <summary>Writes the four result files of a screened roster and reports what was produced.</summary>
    public ScreeningReport Write(ScreenedRoster screened, string outputDirectory)
    {
        var (roster, result, plugins) = (screened.Roster, screened.Result, screened.Plugins);
        var files = WriteOutputs(outputDirectory, result, roster);
        return new ScreeningReport(
            result.AsOf,
            roster.EmployeeRowsRead,
            roster.Records.Count,
            roster.Rejects.Count,
            result.CountByPathAndOutcome(),
            result.Equivalences.Count,
            files,
            [.. plugins.Loaded.Select(p => $"{p.Manifest.Id} {p.Manifest.Version}（{p.Manifest.Enterprise}）")],
            [.. plugins.Refused.Select(e => e.Message)]);
    }

    /// <summary>
    /// Loads the plug-ins, reads the roster and screens it, writing nothing. The caller disposes the result, which
    /// keeps the plug-ins loaded for what comes next (notices use their pay tables and templates).
    /// </summary>
    public ScreenedRoster Screen(ScreeningRequest request, IProgress<ScreeningStage>? progress = null, CancellationToken ct = default)
    {
        var asOf = request.AsOf ?? CutOff.Default(time);
        progress?.Report(new ScreeningStage("加载插件", 0, 0));
        var plugins = catalog.Load(request.PluginsDirectory);
        try
        {
            progress?.Report(new ScreeningStage("读取花名册", 0, 0));
            var roster = RosterReader.ReadFolder(request.RosterPath, ct);
            var total = roster.Records.Count;
            progress?.Report(new ScreeningStage("资格筛查", 0, total));
            var result = screener.Screen(
                roster.Records,
                asOf,
                plugins,
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

    private static string[] WriteOutputs(string outputDirectory, ScreeningResult result, RosterReadResult roster)
    {
        try
        {
            Directory.CreateDirectory(outputDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserFacingException($"无法创建输出文件夹：{outputDirectory}（{e.Message}）", e);
        }

        string PathOf(string name) => Path.Combine(outputDirectory, name);
        try
        {
            // Writing is a third of a large run and single-threaded per file: the JSON goes to another core while
            // this thread writes the CSV files (measured in BENCHMARKS.md). Both only read the finished result.
            var json = Task.Run(() => DecisionJsonWriter.Write(PathOf(DecisionsJson), result.AsOf, result.Decisions, result.PluginProvenance));
            try
            {
                DecisionCsvWriter.Write(PathOf(DecisionsCsv), result.Decisions, result.PluginProvenance);
                EquivalenceCsvWriter.Write(PathOf(EquivalencesCsv), result.Equivalences);
                RejectCsvWriter.Write(PathOf(RejectsCsv), roster.Rejects);
            }
            finally
            {
                // Never return (or report a failure) while the JSON file is still open.
                json.GetAwaiter().GetResult();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserFacingException($"无法写入输出文件夹：{outputDirectory}（{e.Message}）", e);
        }

        return [PathOf(DecisionsCsv), PathOf(DecisionsJson), PathOf(EquivalencesCsv), PathOf(RejectsCsv)];
    }
}
