using EnterpriseEval.Engine.Output;
using EnterpriseEval.Engine.Screening;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Plugins;
using EnterpriseEval.Sdk.Rules;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Engine.Plugins;

/// <summary>
/// The guardrails between plug-in criteria and a decision, enforced here rather than trusted:
/// criteria combine with AND and can only add failures or <c>needs_review</c> (statutory findings are never removed,
/// so R1–R6 hold whatever a plug-in says); a finding that is not the criterion's own is refused; on the skill-to-title
/// path education, papers, foreign language and computer skills are hidden from criteria by declaration (the roster's
/// 学历 and the plug-ins' extra tables and columns declared about those topics; <see cref="EmployeeRecord.ForSkillToTitle"/>)
/// and any criterion declaring such a topic is ignored (R5); a criterion that throws or overruns makes the decision <c>needs_review</c>, naming the plug-in;
/// a title target outside every review authorisation is <c>out_of_scope</c>.
/// </summary>
internal sealed class CriteriaStage(PluginSet plugins, GuardedScheduler scheduler)
{
    public const string AuthorisationRuleId = "AUTH";
    public const string AuthorisationClause = "96/2.3";
    public const string GuardRuleId = "PLUGIN";

    // Each criterion with its id, citation and topic read once (checked at load by PluginGuards): a getter that throws or
    // changes later cannot take the run down or make a finding pass for another criterion's.
    private readonly Entry[] _criteria =
        [.. plugins.Loaded.SelectMany(p => p.Composition.Criteria.Select(c => Entry.Of(p, c, scheduler.Budget.For(p.Manifest.Id))))];

    public bool IsActive => _criteria.Length > 0 || plugins.InForce.Count > 0;

    public IReadOnlyList<Decision> Apply(EmployeeRecord record, IReadOnlyList<Decision> decisions, DateOnly asOf, WorkerSlot slot)
    {
        if (!IsActive || decisions.Count == 0)
        {
            return decisions;
        }

        EmployeeRecord? withoutRestricted = null;
        var result = new Decision[decisions.Count];
        Span<FindingKind> kindsBuffer = stackalloc FindingKind[16];
        Span<DateOnly?> datesBuffer = stackalloc DateOnly?[16];
        for (var i = 0; i < decisions.Count; i++)
        {
            var decision = decisions[i];
            var seen = decision.Path == ScreeningPath.SkillToTitle
                ? withoutRestricted ??= record.ForSkillToTitle()
                : record;
            // Room for every criterion's finding, a tampering note and the authorisation note: the list never grows.
            var findings = new List<Finding>(decision.Findings.Count + _criteria.Length + 2);
            findings.AddRange(decision.Findings);

            // The statutory verdicts as the rules gave them, kept where plug-in code cannot reach: a criterion that
            // rewrites a finding by reflection is found after its call, undone, and named (docs/plugins.md).
            var statutory = findings.Count;
            var kinds = statutory <= kindsBuffer.Length ? kindsBuffer[..statutory] : new FindingKind[statutory];
            var dates = statutory <= datesBuffer.Length ? datesBuffer[..statutory] : new DateOnly?[statutory];
            for (var f = 0; f < statutory; f++)
            {
                kinds[f] = findings[f].Kind;
                dates[f] = findings[f].MetOn;
            }

            // Criteria read copies of the statutory findings: the originals (shared, constant sentences among them)
            // never reach plug-in code through the decision.
            var copies = new Finding[statutory];
            for (var f = 0; f < statutory; f++)
            {
                copies[f] = findings[f].Copy();
            }

            var shown = decision with { Findings = copies };
            LoadedPlugin? tamperer = null;
            foreach (var entry in _criteria)
            {
                var plugin = entry.Plugin;
                if (Evaluate(entry, seen, shown, asOf, slot) is { } finding)
                {
                    findings.Add(finding);
                }

                if (tamperer is null && (Changed(copies, kinds, dates) || Changed(findings, kinds, dates)))
                {
                    tamperer = plugin;
                }
            }

            if (tamperer is not null)
            {
                Restore(findings, kinds, dates);
                findings.Add(Finding.Create(
                    GuardRuleId,
                    Clauses.SkillToTitle,
                    FindingKind.NeedsReview,
                    $"插件 {tamperer.Manifest.Id} 在运行中改动了法定审查结论，已按法定结论恢复，请人工复核该插件"));
            }

            result[i] = Conclude(decision, findings, asOf);
        }

        return result;
    }

    private static bool Changed(IReadOnlyList<Finding> findings, ReadOnlySpan<FindingKind> kinds, ReadOnlySpan<DateOnly?> dates)
    {
        for (var f = 0; f < kinds.Length; f++)
        {
            if (findings[f].Kind != kinds[f] || findings[f].MetOn != dates[f])
            {
                return true;
            }
        }

        return false;
    }

    private static void Restore(List<Finding> findings, ReadOnlySpan<FindingKind> kinds, ReadOnlySpan<DateOnly?> dates)
    {
        for (var f = 0; f < kinds.Length; f++)
        {
            findings[f] = findings[f].WithVerdict(kinds[f], dates[f]);
        }
    }

    // AppliesTo and Evaluate both run under the watchdog and the exception guard: either one throwing or hanging makes
    // the decision needs_review naming the plug-in and the member, never a failed run.
    private Finding? Evaluate(Entry entry, EmployeeRecord seen, Decision shown, DateOnly asOf, WorkerSlot slot)
    {
        var criterion = entry.Criterion;
        if (scheduler.IsDisabled(criterion))
        {
            return Review(entry, "运行超时，本次筛查中已停用，请人工复核");
        }

        // The plug-in's total time for the run (docs/plugins.md, "Trust model"): past it, none of its criteria runs again.
        if (entry.Meter.Exhausted is { } exhausted)
        {
            return OutOfBudget(entry, exhausted);
        }

        // Both calls go through the one guard (PluginCall), which charges the plug-in's time budget; the message may
        // quote roster values, and a 身份证号 in it is masked before it becomes a reason (docs/security.md).
        var pluginId = entry.Plugin.Manifest.Id;
        using var marked = PluginCallMarker.Enter(entry.Plugin.Marker);
        slot.Enter(criterion);
        try
        {
            var applies = PluginCall.Try(pluginId, "AppliesTo", (criterion, shown.Path), static s => s.criterion.AppliesTo(s.Path), false, entry.Meter, out var error, out var spent);
            if (spent is not null)
            {
                return OutOfBudget(entry, spent);
            }

            if (error is not null)
            {
                return Review(entry, $"的 AppliesTo 运行出错（{PluginCall.Describe(error)}），请人工复核");
            }

            if (!applies)
            {
                return null;
            }

            var finding = PluginCall.Try(
                pluginId,
                "Evaluate",
                (criterion, context: new CriterionContext(criterion, seen, shown, asOf)),
                static s => s.criterion.Evaluate(s.context),
                null,
                entry.Meter,
                out error,
                out spent);

            // Out of budget between the two calls: not judged, so not eligible on this criterion's silence.
            if (spent is not null)
            {
                return OutOfBudget(entry, spent);
            }

            return error is not null
                ? Review(entry, $"运行出错（{PluginCall.Describe(error)}），请人工复核")
                : finding is null ? null : Guard(entry, shown.Path, finding);
        }
        finally
        {
            slot.Exit();
        }
    }

    private static Finding Guard(Entry entry, ScreeningPath path, Finding finding)
    {
        var (plugin, criterion) = (entry.Plugin, entry.Criterion);
        if (finding.RuleId != entry.Id || finding.Clause != entry.Citation)
        {
            return Review(entry, $"返回了不属于本条件的结论（{finding.RuleId}），未采用，请人工复核");
        }

        if (path == ScreeningPath.SkillToTitle && entry.Topic != CriterionTopic.Other
            && finding.Kind is FindingKind.Failed or FindingKind.NeedsReview)
        {
            return Finding.Create(
                "R5",
                Clauses.SkillToTitle,
                FindingKind.Info,
                $"插件 {plugin.Manifest.Id} 的条件 {entry.Id} 涉及学历、论文、外语或计算机，不作为高技能人才参加职称评审的限制性条件，未采用");
        }

        return finding;
    }

    private Decision Conclude(Decision decision, List<Finding> findings, DateOnly asOf)
    {
        var (outcome, earliest) = Decision.Evaluate(findings);
        if (outcome != Outcome.NotEligible && OutsideAuthorisation(decision, asOf) is { } reason)
        {
            findings.Add(Finding.Create(AuthorisationRuleId, AuthorisationClause, FindingKind.Info, reason + "，应报送具有相应权限的评审委员会评审"));
            outcome = Outcome.OutOfScope;
        }

        // R12 says the person meets the conditions (docs/rules.md, R12): it belongs to a final eligible decision only.
        // The statutory rules added it before any criterion ran; a criterion's failure or review, or the authorisation,
        // changes the outcome, and the sentence must go with it.
        if (outcome != Outcome.Eligible)
        {
            findings.Remove(VoluntaryParticipation.Finding);
        }

        return decision with { Findings = findings, Outcome = outcome, EarliestEligibleOn = earliest };
    }

    private string? OutsideAuthorisation(Decision decision, DateOnly asOf)
    {
        if (plugins.InForce.Count == 0 || decision.TargetTitleLevel is not { } level || decision.TargetSeries is not { } series)
        {
            return null;
        }

        // The host's authorisation and every manifest's intersect, never unite (docs/plugins.md): a target is in scope only
        // when every one covers it, so a manifest claiming a wider authorisation cannot widen the host's.
        foreach (var a in plugins.InForce)
        {
            if (a.OutsideReason(series, level, asOf) is { } reason)
            {
                return reason;
            }
        }

        return null;
    }

    private static Finding OutOfBudget(Entry entry, string spent) =>
        Finding.Create(GuardRuleId, entry.Citation, FindingKind.NeedsReview, $"{spent}（条件 {entry.Id}）");

    private static Finding Review(Entry entry, string problem) =>
        Finding.Create(GuardRuleId, entry.Citation, FindingKind.NeedsReview, $"插件 {entry.Plugin.Manifest.Id} 的条件 {entry.Id} {problem}");

    private sealed record Entry(LoadedPlugin Plugin, ICriterion Criterion, string Id, string Citation, CriterionTopic Topic, PluginBudget.Meter Meter)
    {
        // PluginGuards read these at load; a second read that throws falls back rather than failing the run.
        public static Entry Of(LoadedPlugin plugin, ICriterion criterion, PluginBudget.Meter meter) => new(
            plugin,
            criterion,
            Read(() => criterion.Id, criterion.GetType().Name),
            Read(() => criterion.Citation, $"插件 {plugin.Manifest.Id} 的条款"),
            Read(() => criterion.Topic, CriterionTopic.Other),
            meter);

        private static T Read<T>(Func<T> read, T fallback)
        {
            try
            {
                return read();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return fallback;
            }
        }
    }

}
