using EnterpriseEval.Engine.Notices;
using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Workflow.Excel;
using EnterpriseEval.Workflow.Review.Store;
using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Engine.Screening;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;
using Microsoft.Extensions.Options;
using EnterpriseEval.Engine;

namespace EnterpriseEval.Workflow.Review;

/// <summary>
/// <c>review screen</c>: imports the roster into the batch (raw rows, once), then screens it in chunks; each chunk's
/// decisions are committed in one transaction with the progress marker, so a run killed at any point resumes after
/// the last committed chunk and ends with the same decisions as an uninterrupted run. The import and each chunk are
/// checked and written under the store's write lock: a second <c>review screen</c> started at the same time finds the
/// roster imported and the chunks another run committed, and carries on after them instead of writing them again.
/// </summary>
internal sealed class BatchScreening(BatchRules rules, IOptions<ReviewOptions> options, IOptions<RosterLimits> rosterLimits, ScreeningEngine engine)
{
    public ScreenBatchReport Run(
        IReviewStore store, ReviewBatch batch, string? rosterPath, string? pluginsDirectory, string user, int? stopAfter = null,
        CancellationToken ct = default)
    {
        var imported = false;
        IReadOnlyList<string> encodings = [];
        if (store.RosterTables(batch.Id).Count == 0)
        {
            if (string.IsNullOrWhiteSpace(rosterPath))
            {
                throw new UserFacingException("本批次尚未导入花名册，请用 --roster 指定花名册文件夹或 .xlsx 工作簿");
            }

            var source = RosterReader.OpenSource(rosterPath, rosterLimits.Value, WorkbookRosterFormat.All);
            using var lease = store.Lock();
            if (store.RosterTables(batch.Id).Count == 0)
            {
                store.SaveRoster(batch.Id, StoredRosterSource.Capture(source), new AuditDraft(
                    "import", user, $"导入花名册：{Path.GetFullPath(rosterPath)}", new Dictionary<string, string> { ["roster"] = Path.GetFullPath(rosterPath) }));
                imported = true;

                // Files read as GB18030 (docs/roster.md): known only while the files themselves are read.
                encodings = source.Warnings;
            }

            lease.Commit();
        }

        // The plug-ins first: the extra tables they declare are read typed with the roster (docs/roster.md).
        var progress = store.ScreenProgress(batch.Id);
        using var loaded = progress.Complete ? null : LoadPlugins(rules, store, batch, pluginsDirectory);
        var roster = RosterReader.Read(new StoredRosterSource(store, batch.Id), ct, loaded?.ExtraTables);
        var records = roster.Records;
        var resumedFrom = progress.Done;
        if (!progress.Complete && loaded is { } plugins)
        {
            var chunk = Math.Max(1, options.Value.ScreenChunkSize);
            var limit = stopAfter is { } n ? Math.Min(records.Count, progress.Done + n) : records.Count;
            var from = progress.Done;
            if (from < limit || records.Count == 0)
            {
                // One run of the engine, one scheduler (docs/plugins.md): a criterion disabled for hanging in a chunk
                // stays disabled for the rest of this run instead of hanging again in every chunk. The stored roster is
                // the source, the store the sink: each chunk is committed as the engine hands it over. Whether the
                // roster has applications is a property of the whole stored roster, not of the chunk: an employee
                // without application rows in a roster that has some is not screened (docs/rules.md).
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
                var sink = new StoreSink(store, batch, roster, from, user, plugins.Provenance, stop);
                try
                {
                    engine.RunAsync(
                        RosterSource.FromRead(roster, from, limit - from),
                        batch.Definition.AsOf,
                        plugins,
                        sink,
                        progress: null,
                        new RunTuning(rules.Screener(batch.Definition.Configuration), chunk),
                        stop.Token).GetAwaiter().GetResult();
                }
                catch (OperationCanceledException) when (sink.Finished && !ct.IsCancellationRequested)
                {
                    // Another `review screen` on this batch finished it meanwhile: nothing is left to screen.
                }
            }

            progress = store.ScreenProgress(batch.Id);
        }

        var notApplied = roster.HasApplications ? records.Count(r => r.Applications.Count == 0) : 0;
        return new ScreenBatchReport(
            imported, roster.Rejects.Count, resumedFrom, progress.Done, records.Count, store.Decisions(batch.Id).Count, !progress.Complete)
        {
            NotApplied = notApplied,
            ApplicationsWarning = roster.ApplicationsWarning,
            Warnings = imported ? [.. roster.Warnings, .. encodings] : [],
        };
    }

    /// <summary>The batch's plug-ins, refused unless they are exactly those recorded when the batch was created.</summary>
    public static PluginSet LoadPlugins(BatchRules rules, IReviewStore store, ReviewBatch batch, string? pluginsDirectory)
    {
        var plugins = rules.LoadPlugins(batch.Definition.Configuration, pluginsDirectory ?? batch.Definition.PluginsDirectory);
        if (plugins.Refused.Count > 0)
        {
            // As review new: a refused plug-in is never silently left out of a step (docs/plugins.md, "When a plug-in is refused").
            var refused = plugins.Refused[0].Message;
            plugins.Dispose();
            throw new UserFacingException($"有插件未能加载，不能继续评审：{refused}");
        }

        if (plugins.Provenance != batch.Definition.Plugins)
        {
            var found = plugins.Provenance;
            plugins.Dispose();
            throw new UserFacingException(
                $"插件与批次记录不一致：批次记录为“{Show(batch.Definition.Plugins)}”，当前为“{Show(found)}”。请使用建立批次时的插件版本，或用 review replay 查看差异");
        }

        // Every file, not just the assemblies: also when a step names another --plugins folder (docs/plugins.md).
        try
        {
            BatchIntegrity.Require(store, batch, plugins);
        }
        catch
        {
            plugins.Dispose();
            throw;
        }

        return plugins;
    }

    private static string Show(string provenance) => provenance.Length == 0 ? "无插件" : provenance;

    /// <summary>
    /// The review store as the engine's sink: each screened chunk is committed in one transaction with the progress
    /// marker, under the store's write lock. Employees another <c>review screen</c> of the same batch committed
    /// meanwhile keep that run's decisions; when it finished the batch, this run stops.
    /// </summary>
    private sealed class StoreSink(
        IReviewStore store, ReviewBatch batch, RosterReadResult roster, int offset, string user, string provenance, CancellationTokenSource stop)
        : IDecisionSink
    {
        private bool _any;

        /// <summary>Whether another run finished the batch while this one was screening.</summary>
        public bool Finished { get; private set; }

        public ValueTask WriteAsync(DecisionChunk chunk, CancellationToken cancellationToken)
        {
            var from = offset + chunk.FirstEmployee;
            var to = from + chunk.Count;
            _any = true;
            Commit(from, to, chunk.DecisionsByEmployee);
            return ValueTask.CompletedTask;
        }

        public ValueTask CompleteAsync(ScreeningSummary summary, CancellationToken cancellationToken)
        {
            if (!_any && roster.Records.Count == 0)
            {
                // An empty roster is screened in one empty chunk, which marks the batch screened.
                Commit(0, 0, []);
            }

            return ValueTask.CompletedTask;
        }

        private void Commit(int from, int to, IReadOnlyList<IReadOnlyList<Decision>> decisions)
        {
            var total = roster.Records.Count;
            var skip = 0;
            using var lease = store.Lock();
            var now = store.ScreenProgress(batch.Id);
            if (now.Total is not null && (now.Done != from || now.Complete))
            {
                // Another `review screen` on this batch committed these employees meanwhile: keep its decisions and
                // commit only what comes after them.
                if (now.Complete)
                {
                    Finished = true;
                    stop.Cancel();
                    return;
                }

                if (now.Done >= to || now.Done < from)
                {
                    return;
                }

                skip = now.Done - from;
                from = now.Done;
            }

            var result = new ScreeningResult(batch.Definition.AsOf, [.. decisions.Skip(skip)], [], provenance);
            var last = to == total;
            store.SaveScreenChunk(
                batch.Id, from, to, total, DecisionRecord.FromResult(result, from),
                new AuditDraft(
                    last ? "screen" : "screen-chunk",
                    user,
                    last ? $"资格筛查完成：{total} 名员工，拒收 {roster.Rejects.Count} 行" : $"资格筛查进度：第 {from + 1}–{to} 名员工已提交",
                    new Dictionary<string, string> { ["from"] = $"{from}", ["to"] = $"{to}", ["total"] = $"{total}" }));
            lease.Commit();
        }
    }
}
