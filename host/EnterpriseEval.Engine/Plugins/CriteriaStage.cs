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
    // changes later cannot take the run down or make a finding pass for another criterion's. Grouped by plug-in, in load
    // order: the time budget, the call marker and the check of the statutory verdicts are per plug-in, not per call.
    private readonly Group[] _groups = [.. plugins.Loaded.Select(p => Group.Of(p, scheduler.Budget.For(p.Manifest.Id)))];

    // Recorded with every decision of the employees these plug-ins govern (docs/plugins.md, "Scope"); the set is the
    // group of plug-ins whose scope contains the employee, so a decision names only the plug-ins that applied to it.
    private readonly string _provenance = plugins.Provenance;

    private readonly int _criteriaCount = plugins.Loaded.Sum(p => p.Composition.Criteria.Count);

    // Whether a time budget applies (PluginTimeBudgetSeconds above 0): without one no clock is read.
    private readonly bool _timed = scheduler.Budget.Seconds > 0;

    public bool IsActive => _criteriaCount > 0 || plugins.InForce.Count > 0 || _provenance.Length > 0;

    public IReadOnlyList<Decision> Apply(EmployeeRecord record, IReadOnlyList<Decision> decisions, DateOnly asOf, WorkerSlot slot)
    {
        if (!IsActive || decisions.Count == 0)
        {
            return decisions;
        }

        // Plug-ins that add no criterion and no authorisation (templates, pay tables, grade maps only) still applied.
        if (_criteriaCount == 0 && plugins.InForce.Count == 0)
        {
            var stamped = new Decision[decisions.Count];
            for (var i = 0; i < stamped.Length; i++)
            {
                stamped[i] = decisions[i] with { PluginProvenance = _provenance };
            }

            return stamped;
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
            var findings = new List<Finding>(decision.Findings.Count + _criteriaCount + 2);
            findings.AddRange(decision.Findings);

            // The statutory verdicts as the rules gave them, kept where plug-in code cannot reach: a criterion that
            // rewrites a finding by reflection is found after its plug-in's criteria ran, undone, and named
            // (docs/plugins.md).
            var statutory = findings.Count;
            var kinds = statutory <= kindsBuffer.Length ? kindsBuffer[..statutory] : new FindingKind[statutory];
            var dates = statutory <= datesBuffer.Length ? datesBuffer[..statutory] : new DateOnly?[statutory];
            for (var f = 0; f < statutory; f++)
            {
                kinds[f] = findings[f].Kind;
                dates[f] = findings[f].MetOn;
            }

            // Criteria read copies of the statutory findings: the originals (shared, constant sentences among them) never
            // reach plug-in code through the decision. The copies are made for the first criterion that applies to the
            // decision, before its Evaluate runs (AppliesTo sees the path only); a decision no criterion applies to,
            // common when a plug-in's criteria concern one path, costs no copy.
            var shown = new Shown(decision, findings, statutory);
            LoadedPlugin? tamperer = null;

            // Each plug-in's time is charged once per decision, for all its criteria on it (docs/plugins.md, "Trust
            // model"): three clock reads a decision with two plug-ins, instead of two around every call.
            var timed = _timed;
            var clock = timed ? System.Diagnostics.Stopwatch.GetTimestamp() : 0;
            foreach (var group in _groups)
            {
                using (PluginCallMarker.Enter(group.Plugin.Marker))
                {
                    foreach (var entry in group.Entries)
                    {
                        if (Evaluate(entry, seen, ref shown, asOf, slot) is { } finding)
                        {
                            findings.Add(finding);
                        }
                    }
                }

                if (timed)
                {
                    var now = System.Diagnostics.Stopwatch.GetTimestamp();
                    group.Meter.Charge(now - clock);
                    clock = now;
                }

                if (tamperer is null && ((shown.Copies is { } copies && Changed(copies, kinds, dates)) || Changed(findings, kinds, dates)))
                {
                    tamperer = group.Plugin;
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
    // the decision needs_review naming the plug-in and the member, never a failed run. The caller marks the calls with
    // the plug-in (PluginCallMarker) and charges their time to its budget, once per decision for all its criteria.
    private Finding? Evaluate(Entry entry, EmployeeRecord seen, ref Shown shown, DateOnly asOf, WorkerSlot slot)
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

        // Both calls go through the one guard (PluginCall; the caller marked the thread with the plug-in); the message may
        // quote roster values, and a 身份证号 in it is masked before it becomes a reason (docs/security.md).
        var path = shown.Path;
        slot.Enter(criterion);
        try
        {
            var applies = PluginCall.TryMarked((criterion, path), static s => s.criterion.AppliesTo(s.path), false, null, out var error, out _);
            if (error is not null)
            {
                return Review(entry, $"的 AppliesTo 运行出错（{PluginCall.Describe(error)}），请人工复核");
            }

            if (!applies)
            {
                return null;
            }

            var finding = PluginCall.TryMarked(
                (criterion, context: new CriterionContext(criterion, seen, shown.Decision, asOf)),
                static s => s.criterion.Evaluate(s.context),
                null,
                null,
                out error,
                out _);

            return error is not null
                ? Review(entry, $"运行出错（{PluginCall.Describe(error)}），请人工复核")
                : finding is null ? null : Guard(entry, path, finding);
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

        return decision with { Findings = findings, Outcome = outcome, EarliestEligibleOn = earliest, PluginProvenance = _provenance };
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

    // The decision as criteria are shown it: made on first use, with copies of the statutory findings (the originals
    // stay in the host's list, which plug-in code never sees).
    private struct Shown(Decision decision, List<Finding> findings, int statutory)
    {
        private Decision? _shown;

        public readonly ScreeningPath Path => decision.Path;

        public Finding[]? Copies { get; private set; }

        public Decision Decision
        {
            get
            {
                if (_shown is null)
                {
                    var copies = new Finding[statutory];
                    for (var f = 0; f < statutory; f++)
                    {
                        copies[f] = findings[f].Copy();
                    }

                    Copies = copies;
                    _shown = decision with { Findings = copies };
                }

                return _shown;
            }
        }
    }

    private sealed class Group(LoadedPlugin plugin, PluginBudget.Meter meter, Entry[] entries)
    {
        public LoadedPlugin Plugin { get; } = plugin;

        public PluginBudget.Meter Meter { get; } = meter;

        public Entry[] Entries { get; } = entries;

        public static Group Of(LoadedPlugin plugin, PluginBudget.Meter meter) =>
            new(plugin, meter, [.. plugin.Composition.Criteria.Select(c => Entry.Of(plugin, c, meter))]);
    }

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
