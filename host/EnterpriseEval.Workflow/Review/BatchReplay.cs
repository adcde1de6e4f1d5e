using EnterpriseEval.Engine.Notices;
using EnterpriseEval.Workflow.Review.Store;
using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Sdk.Screening;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Workflow.Review;

/// <summary>
/// <c>review replay</c>: screens the stored roster rows again with the recorded configuration and the plug-ins at
/// hand, recomputes scores and vote verdicts, and compares everything with what the batch stored. When something
/// differs it says what, and what changed between then and now (rule set, plug-in version or hash).
/// </summary>
internal sealed class BatchReplay(BatchRules rules, BatchScoring scoring, IOptions<ReviewOptions> options)
{
    public ReplayReport Run(IReviewStore store, ReviewBatch batch, string? pluginsDirectory, string user)
    {
        BatchSteps.RequireScreened(store, batch);
        var causes = new List<string>();
        if (batch.Definition.RuleSetVersion != StatutoryRuleSet.Version)
        {
            causes.Add($"法定规则集版本由 {batch.Definition.RuleSetVersion} 变为 {StatutoryRuleSet.Version}");
        }

        List<StoredDecision> replayed;
        using (var plugins = rules.LoadPlugins(batch.Definition.Configuration, pluginsDirectory ?? batch.Definition.PluginsDirectory))
        {
            var roster = RosterReader.Read(new StoredRosterSource(store, batch.Id), tables: plugins.ExtraTables);
            var records = roster.Records;
            if (plugins.Provenance != batch.Definition.Plugins)
            {
                causes.Add($"插件由“{Show(batch.Definition.Plugins)}”变为“{Show(plugins.Provenance)}”");
            }

            var result = rules.Screener(batch.Definition.Configuration).Screen(records, batch.Definition.AsOf, plugins, roster.HasApplications);
            replayed = [.. DecisionRecord.FromResult(result, 0)];
        }

        var differences = CompareDecisions(store.Decisions(batch.Id), replayed);
        if (BatchSteps.Done(store, batch, "score") && causes.Count == 0)
        {
            differences.AddRange(CompareScores(store.Scores(batch.Id), scoring.Compute(store, batch, pluginsDirectory)));
        }

        var rule = VoteRule.From(options.Value);
        foreach (var v in store.Votes(batch.Id))
        {
            if (rule.Judge(v.Committee, v.Present, v.For).Passed != v.Passed)
            {
                differences.Add($"工号 {v.EmployeeId} 表决结果：存储为{(v.Passed ? "通过" : "未通过")}，按当前表决规则（{rule.Pass}）为{(v.Passed ? "未通过" : "通过")}");
                causes.Add("表决规则配置（EnterpriseEval:Review:VotePass/Quorum）已改变");
            }
        }

        var storeProblems = differences.Count > 0 ? store.Verify(files: false) : [];
        if (storeProblems.Count > 0)
        {
            // The program is only to blame once the store is known to hold what the steps wrote.
            causes.Insert(0, $"评审数据库未通过校验（review verify 发现 {storeProblems.Count} 处，如：{storeProblems[0]}）：差异来自被改动的存储记录，而非程序本身");
        }
        else if (differences.Count > 0 && causes.Count == 0)
        {
            causes.Add("评审数据库校验通过，规则集与插件版本均未改变，差异来自程序本身（请将此结果反馈给系统管理员）");
        }

        var report = new ReplayReport(replayed.Count, differences, [.. causes.Distinct()]);
        if (storeProblems.Count > 0)
        {
            // Nothing is appended to a store that fails verification (the step would refuse to sign it anyway).
            return report;
        }

        store.Append(batch.Id, new AuditDraft(
            "replay",
            user,
            report.Identical ? $"复现一致：{replayed.Count} 条决策完全相同" : $"复现不一致：{differences.Count} 处差异",
            new Dictionary<string, string> { ["differences"] = $"{differences.Count}", ["causes"] = string.Join("；", report.Causes) }));
        return report;
    }

    private static List<string> CompareDecisions(IReadOnlyList<StoredDecision> stored, IReadOnlyList<StoredDecision> replayed)
    {
        var differences = new List<string>();
        // A store written twice (or edited) may hold a candidate more than once: said, never a crash.
        differences.AddRange(stored.GroupBy(d => d.CandidateKey).Where(g => g.Count() > 1)
            .Select(g => $"{Describe(g.First())}：存储了 {g.Count()} 条决策，应为 1 条"));
        var before = stored.DistinctBy(d => d.CandidateKey).ToDictionary(d => d.CandidateKey);
        var after = replayed.ToDictionary(d => d.CandidateKey);
        foreach (var (key, old) in before)
        {
            if (!after.TryGetValue(key, out var now))
            {
                differences.Add($"{Describe(old)}：重算时不再产生此决策");
            }
            else if (old != now)
            {
                differences.Add(old.Outcome != now.Outcome || old.RuleIds != now.RuleIds
                    ? $"{Describe(old)}：{old.Outcome}（{old.RuleIds}）→ {now.Outcome}（{now.RuleIds}）"
                    : $"{Describe(old)}：结论相同，理由或日期不同（{old.EarliestEligibleOn} → {now.EarliestEligibleOn}）");
            }
        }

        differences.AddRange(after.Keys.Except(before.Keys).Select(k => $"{Describe(after[k])}：重算时新增此决策（{after[k].Outcome}）"));
        if (differences.Count == 0 && !stored.SequenceEqual(replayed))
        {
            differences.Add("决策内容相同但顺序不同");
        }

        return differences;
    }

    /// <summary>Scores matched by employee and plug-in, never by position.</summary>
    private static List<string> CompareScores(IReadOnlyList<StoredScore> stored, IReadOnlyList<StoredScore> again)
    {
        var differences = new List<string>();
        var before = stored.ToLookup(s => (s.EmployeeId, s.PluginId));
        var after = again.ToLookup(s => (s.EmployeeId, s.PluginId));
        foreach (var group in before)
        {
            var (id, plugin) = group.Key;
            var old = group.First();
            if (group.Count() > 1)
            {
                differences.Add($"工号 {id} 的业绩评分（{plugin}）存储了 {group.Count()} 条，应为 1 条");
            }

            if (!after.Contains(group.Key))
            {
                differences.Add($"工号 {id} 业绩评分（{plugin}）：存储 {old.Total} 分，重算时不再评分（不是候选人）");
            }
            else if (after[group.Key].First() is var now && now != old)
            {
                differences.Add(now.Total != old.Total
                    ? $"工号 {id} 业绩积分（{plugin}）：存储 {old.Total}，重算 {now.Total}"
                    : $"工号 {id} 业绩积分（{plugin}）：积分相同，合格线、合格判定或明细不同");
            }
        }

        differences.AddRange(after.Where(g => !before.Contains(g.Key))
            .Select(g => $"工号 {g.Key.EmployeeId} 业绩评分（{g.Key.PluginId}）：重算 {g.First().Total} 分，存储中没有此评分"));
        return differences;
    }

    private static string Describe(StoredDecision d) => $"工号 {d.EmployeeId} {d.Name} {ReviewExports.PathName(d.Path)} {ReviewExports.LevelName(d.TargetLevel)}";

    private static string Show(string provenance) => provenance.Length == 0 ? "无插件" : provenance;
}
