using EnterpriseEval.Engine.Notices;
using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Workflow.Excel;
using EnterpriseEval.Workflow.Review.Store;
using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Engine.Screening;
using EnterpriseEval.Sdk.Model;
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
internal sealed class BatchScreening(BatchRules rules, IOptions<ReviewOptions> options, IOptions<RosterLimits> rosterLimits)
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

        var roster = RosterReader.Read(new StoredRosterSource(store, batch.Id), ct);
        var records = roster.Records;
        var progress = store.ScreenProgress(batch.Id);
        var resumedFrom = progress.Done;
        if (!progress.Complete)
        {
            using var plugins = LoadPlugins(rules, store, batch, pluginsDirectory);
            var screener = rules.Screener(batch.Definition.Configuration);
            var chunk = Math.Max(1, options.Value.ScreenChunkSize);
            var limit = stopAfter is { } n ? Math.Min(records.Count, progress.Done + n) : records.Count;
            var from = progress.Done;

            // One run, one scheduler (docs/plugins.md): a criterion disabled for hanging in a chunk stays disabled for the
            // rest of this run instead of hanging again in every chunk.
            var pass = screener.Begin(limit - from, batch.Definition.AsOf, plugins, roster.HasApplications);
            do
            {
                var to = Math.Min(limit, from + chunk);
                if (to == from && records.Count > 0)
                {
                    break;
                }

                ct.ThrowIfCancellationRequested();
                // Whether the roster has applications is a property of the whole stored roster, not of the chunk: an
                // employee without application rows in a roster that has some is not screened (docs/rules.md).
                EmployeeRecord[] slice = [.. records.Skip(from).Take(to - from)];
                var result = Screener.Result(pass.Screen(slice, 0, slice.Length), batch.Definition.AsOf, plugins);
                var last = to == records.Count;
                using (var lease = store.Lock())
                {
                    var now = store.ScreenProgress(batch.Id);
                    if (now.Total is not null && (now.Done != from || now.Complete))
                    {
                        // Another `review screen` on this batch committed these employees meanwhile: keep its
                        // decisions and go on after them.
                        from = Math.Max(from, now.Done);
                        continue;
                    }

                    store.SaveScreenChunk(
                        batch.Id, from, to, records.Count, DecisionRecord.FromResult(result, from),
                        new AuditDraft(
                            last ? "screen" : "screen-chunk",
                            user,
                            last ? $"资格筛查完成：{records.Count} 名员工，拒收 {roster.Rejects.Count} 行" : $"资格筛查进度：第 {from + 1}–{to} 名员工已提交",
                            new Dictionary<string, string> { ["from"] = $"{from}", ["to"] = $"{to}", ["total"] = $"{records.Count}" }));
                    lease.Commit();
                }

                from = to;
            }
            while (from < limit && !store.ScreenProgress(batch.Id).Complete);

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
}
