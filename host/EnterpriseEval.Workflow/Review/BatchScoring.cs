using System.Text.Json;
using EnterpriseEval.Workflow.Review.Store;
using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Workflow.Review;

/// <summary>
/// <c>review score</c>: the plug-ins' achievement scoring (业绩评审) for every candidate of the batch, with the same
/// plug-in versions and configuration the batch recorded.
/// </summary>
internal sealed class BatchScoring(BatchRules rules)
{
    public IReadOnlyList<StoredScore> Run(IReviewStore store, ReviewBatch batch, string? pluginsDirectory, string user)
    {
        BatchSteps.RequireScreened(store, batch);
        BatchSteps.RequireNotDone(store, batch, "score", "完成业绩评分");
        var scores = Compute(store, batch, pluginsDirectory);
        // Checked again under the write lock: of two `review score` at once, the second refuses.
        using var lease = store.Lock();
        BatchSteps.RequireNotDone(store, batch, "score", "完成业绩评分");
        store.SaveScores(batch.Id, scores, new AuditDraft(
            "score", user, $"业绩评分：{scores.Count} 条", new Dictionary<string, string> { ["scores"] = $"{scores.Count}" }));
        lease.Commit();
        return scores;
    }

    /// <summary>Scores every candidate employee with every plug-in that scores (also used by replay).</summary>
    public IReadOnlyList<StoredScore> Compute(IReviewStore store, ReviewBatch batch, string? pluginsDirectory)
    {
        var candidates = new BatchScope(batch.Definition).Candidates(store.Decisions(batch.Id))
            .Select(d => d.EmployeeId).ToHashSet(StringComparer.Ordinal);
        using var plugins = BatchScreening.LoadPlugins(rules, store, batch, pluginsDirectory);
        var records = RosterReader.Read(new StoredRosterSource(store, batch.Id), tables: plugins.ExtraTables).Records
            .Where(r => candidates.Contains(r.Employee.EmployeeId));
        var scores = new List<StoredScore>();
        foreach (var record in records)
        {
            // Only the plug-ins whose scope contains the employee score it (docs/plugins.md, "Scope").
            foreach (var plugin in plugins.Scopes.For(record.Employee).Loaded.Where(p => p.Composition.Scoring is not null))
            {
                scores.Add(Score(plugin.Manifest.Id, plugin.Composition.Scoring!, record, batch.Definition.AsOf));
            }
        }

        return scores;
    }

    private static StoredScore Score(string pluginId, Sdk.Plugins.IAchievementScoring scoring, EmployeeRecord record, DateOnly asOf)
    {
        // A plug-in's failure is contained like a criterion's (PluginCall): recorded for a person to look at, naming the
        // plug-in and the member, never fatal.
        var s = Engine.Plugins.PluginCall.Run(pluginId, "IAchievementScoring.Score", () => scoring.Score(record, asOf), null, null, out var problem);
        return s is null || problem is not null
            ? new StoredScore(record.Employee.EmployeeId, record.Employee.Name, pluginId, 0, 0, false,
                JsonSerializer.Serialize(new[] { $"{problem ?? $"插件 {pluginId} 的 IAchievementScoring.Score 未返回评分"}，请人工复核" }, Json))
            : new StoredScore(record.Employee.EmployeeId, record.Employee.Name, pluginId, s.Total, s.PassMark, s.Passed, JsonSerializer.Serialize(s.Lines, Json));
    }

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
