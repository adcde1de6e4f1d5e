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

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(TitleSeries Series, TitleLevel Level, DateOnly AsOf), Finding?> _outside = new();

    // Whether a time budget applies (PluginTimeBudgetSeconds above 0): without one no clock is read.
    private readonly bool _timed = scheduler.Budget.Seconds > 0;

    public bool IsActive => _criteriaCount > 0 || plugins.InForce.Count > 0 || _provenance.Length > 0;

    /// <summary>
    /// The criteria applied to <paramref name="decisions"/>, which stay as they are: the concluded decisions are copies.
    /// </summary>
    public IReadOnlyList<Decision> Apply(EmployeeRecord record, IReadOnlyList<Decision> decisions, DateOnly asOf, WorkerSlot slot) =>
        Apply(record, decisions, asOf, slot, inPlace: false);

    /// <summary>
    /// The criteria applied to decisions the statutory rules have just made for this call and that nobody else holds
    /// (<see cref="ScreeningPass"/>: the rules' result goes straight here): each decision is concluded in place
    /// (<see cref="Decision.ConcludeInPlace"/>) and the rules' array is returned, which saves a copy of every decision.
    /// </summary>
    public IReadOnlyList<Decision> ApplyToFresh(EmployeeRecord record, IReadOnlyList<Decision> decisions, DateOnly asOf, WorkerSlot slot) =>
        Apply(record, decisions, asOf, slot, inPlace: decisions is Decision[]);

    private IReadOnlyList<Decision> Apply(EmployeeRecord record, IReadOnlyList<Decision> decisions, DateOnly asOf, WorkerSlot slot, bool inPlace)
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

        // The statutory rules hand arrays: read as spans, not through the list interface (a dispatch per access).
        ReadOnlySpan<Decision> screened = decisions as Decision[] ?? [.. decisions];
        var view = new RecordView(record);
        var result = inPlace ? (Decision[])decisions : new Decision[screened.Length];
        Span<FindingKind> kindsBuffer = stackalloc FindingKind[16];
        Span<DateOnly?> datesBuffer = stackalloc DateOnly?[16];

        // Each plug-in's time is charged for all its criteria at once (docs/plugins.md, "Trust model"): with one plug-in
        // in the stage (a scope's group, the common case) once for the employee, two clock reads however many decisions;
        // with several, once per decision for each plug-in, to tell their times apart. A plug-in none of whose criteria
        // judges a decision's path (their AppliesTo answers kept) is passed over for that decision: no plug-in code runs,
        // so there is nothing to time, mark or check, and an employee whose decisions it judges none of reads no clock.
        var timed = _timed;
        var perDecision = timed && _groups.Length > 1;
        var perEmployee = timed && _groups.Length == 1;
        var employeeClock = 0L;
        var employeeTimed = false;
        for (var i = 0; i < screened.Length; i++)
        {
            var decision = screened[i];
            var original = decision.Findings as Finding[] ?? [.. decision.Findings];

            // The statutory verdicts as the rules gave them, kept where plug-in code cannot reach: a criterion that
            // rewrites a finding by reflection is found after its plug-in's criteria ran, undone, and named
            // (docs/plugins.md).
            var statutory = original.Length;
            var kinds = statutory <= kindsBuffer.Length ? kindsBuffer[..statutory] : new FindingKind[statutory];
            var dates = statutory <= datesBuffer.Length ? datesBuffer[..statutory] : new DateOnly?[statutory];
            for (var f = 0; f < original.Length; f++)
            {
                kinds[f] = original[f].Kind;
                dates[f] = original[f].MetOn;
            }

            // The decision's findings once a criterion adds one (or a tampering is undone): until then the statutory
            // findings stand as they are, and a decision the criteria add nothing to costs no list.
            List<Finding>? findings = null;

            // Criteria read copies of the statutory findings: the originals (shared, constant sentences among them) never
            // reach plug-in code through the decision. A criterion is shown the decision when it first reads
            // CriterionContext.Decision (ShowDecision), and a finding is copied when plug-in code first reads it
            // (ShownFindings): a criterion that reads only the path and target, or no finding, costs no copy.
            var readChanged = false;
            LoadedPlugin? tamperer = null;
            var path = decision.Path;
            var clock = 0L;
            var clockStarted = false;
            foreach (var group in _groups)
            {
                if (!group.MayJudge(path))
                {
                    continue;
                }

                if (perEmployee && !employeeTimed)
                {
                    employeeClock = PluginBudget.Now();
                    employeeTimed = true;
                }
                else if (perDecision && !clockStarted)
                {
                    clock = PluginBudget.Now();
                    clockStarted = true;
                }

                using (PluginCallMarker.Enter(group.Plugin.Marker))
                {
                    if (!group.Primed)
                    {
                        Prime(group, slot);
                    }

                    foreach (var entry in group.Entries)
                    {
                        if (Evaluate(entry, ref view, decision, asOf, slot, kinds, dates, ref readChanged) is { } finding)
                        {
                            (findings ??= Editable(original, slot)).Add(finding);
                        }
                    }
                }

                if (perDecision)
                {
                    var now = PluginBudget.Now();
                    group.Meter.Charge(now - clock);
                    clock = now;
                }

                if (tamperer is null
                    && (readChanged || Changed(findings is null ? original : System.Runtime.InteropServices.CollectionsMarshal.AsSpan(findings), kinds, dates)))
                {
                    tamperer = group.Plugin;
                }
            }

            if (tamperer is not null)
            {
                findings ??= Editable(original, slot);
                Restore(findings, kinds, dates);
                findings.Add(Finding.Create(
                    GuardRuleId,
                    Clauses.SkillToTitle,
                    FindingKind.NeedsReview,
                    $"插件 {tamperer.Manifest.Id} 在运行中改动了法定审查结论，已按法定结论恢复，请人工复核该插件"));
            }

            result[i] = Conclude(decision, original, findings, asOf, slot, inPlace);
        }

        if (employeeTimed)
        {
            _groups[0].Meter.Charge(PluginBudget.Now() - employeeClock);
        }

        return result;
    }

    // The decision's findings while the stage edits them: the worker's own list, reused decision after decision (the
    // decision keeps an exact array of them, made in Conclude).
    private static List<Finding> Editable(Finding[] original, WorkerSlot slot)
    {
        var findings = slot.Findings;
        findings.Clear();
        findings.AddRange(original);
        return findings;
    }

    private static bool Changed(ReadOnlySpan<Finding> findings, ReadOnlySpan<FindingKind> kinds, ReadOnlySpan<DateOnly?> dates)
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
    private Finding? Evaluate(
        Entry entry,
        ref RecordView view,
        Decision decision,
        DateOnly asOf,
        WorkerSlot slot,
        ReadOnlySpan<FindingKind> kinds,
        ReadOnlySpan<DateOnly?> dates,
        ref bool readChanged)
    {
        // A criterion that does not judge the path (its AppliesTo answer kept) judges nothing here, disabled or out of
        // budget as it may be: only the decisions it would judge go to review (docs/plugins.md).
        var criterion = entry.Criterion;
        if (entry.Applies[(int)decision.Path] == Entry.No)
        {
            return null;
        }

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
        var path = decision.Path;
        slot.Enter(criterion);
        try
        {
            // AppliesTo sees the path only: asked once a path for the run, its answer kept (ICriterion.AppliesTo; the
            // plug-in's criteria are asked for every path when it first meets a decision, Prime); a call that throws is
            // not kept, so every decision on the path says so.
            var known = entry.Applies[(int)path];
            if (known == Entry.Unknown)
            {
                known = Ask(entry, path, out var failed);
                if (failed is not null)
                {
                    return Review(entry, $"的 AppliesTo 运行出错（{PluginCall.Describe(failed)}），请人工复核");
                }
            }

            if (known == Entry.No)
            {
                return null;
            }

            var context = new CriterionContext(criterion, view.For(path), decision, asOf, ShowDecision);
            var finding = PluginCall.TryMarked(
                (criterion, context),
                static s => s.criterion.Evaluate(s.context),
                null,
                null,
                out var error,
                out _);

            // What the criterion read of the statutory findings, if anything: a copy it changed is a tampering.
            if (context.Shown?.Findings is ShownFindings read && read.Changed(kinds, dates))
            {
                readChanged = true;
            }

            return error is not null
                ? Review(entry, $"运行出错（{PluginCall.Describe(error)}），请人工复核")
                : finding is null ? null : Guard(entry, path, finding);
        }
        finally
        {
            slot.Exit();
        }
    }

    // AppliesTo for one path, its answer kept unless it throws (Unknown then). The caller has entered the worker slot
    // (the watchdog) and marked the thread with the plug-in.
    private static byte Ask(Entry entry, ScreeningPath path, out Exception? error)
    {
        var applies = PluginCall.TryMarked((entry.Criterion, path), static s => s.Criterion.AppliesTo(s.path), false, null, out error, out _);
        return error is not null ? Entry.Unknown : entry.Applies[(int)path] = applies ? Entry.Yes : Entry.No;
    }

    // Every criterion of a plug-in is asked AppliesTo for every path when the plug-in first meets a decision, before any
    // of them can be disabled (a hang) or stopped by the time budget: a criterion out of the run then still says which
    // paths it judges, and only the decisions it would judge go to review (docs/plugins.md). Asked under the same
    // watchdog and guard as every call; two workers may both ask, and either answer is one AppliesTo gave.
    private void Prime(Group group, WorkerSlot slot)
    {
        foreach (var entry in group.Entries)
        {
            foreach (var path in Entry.Paths)
            {
                if (entry.Applies[(int)path] != Entry.Unknown || scheduler.IsDisabled(entry.Criterion))
                {
                    continue;
                }

                slot.Enter(entry.Criterion);
                try
                {
                    Ask(entry, path, out _);
                }
                finally
                {
                    slot.Exit();
                }
            }
        }

        group.Primed = true;
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

    private Decision Conclude(Decision decision, Finding[] original, List<Finding>? findings, DateOnly asOf, WorkerSlot slot, bool inPlace)
    {
        var statutory = original.Length;
        var (outcome, earliest) = Decision.Evaluate(findings is null ? original : System.Runtime.InteropServices.CollectionsMarshal.AsSpan(findings));
        if (outcome != Outcome.NotEligible && OutsideAuthorisation(decision, asOf) is { } outside)
        {
            findings ??= Editable(original, slot);
            findings.Add(outside);
            outcome = Outcome.OutOfScope;
        }

        // R12 says the person meets the conditions (docs/rules.md, R12): it belongs to a final eligible decision only.
        // The statutory rules added it before any criterion ran; a criterion's failure or review, or the authorisation,
        // changes the outcome, and the sentence must go with it. It is among the statutory findings, found by its rule
        // id (a record's Equals would compare every member of every finding, and a finding restored after tampering is
        // another instance). The outcome changes only when a finding was added, so only an edited list can hold it.
        if (outcome != Outcome.Eligible && findings is not null)
        {
            for (var f = 0; f < statutory; f++)
            {
                if (findings[f].RuleId == VoluntaryParticipation.Finding.RuleId)
                {
                    findings.RemoveAt(f);
                    break;
                }
            }
        }

        IReadOnlyList<Finding> concluded = findings is null ? original : findings.ToArray();
        if (inPlace)
        {
            decision.ConcludeInPlace(concluded, outcome, earliest, _provenance);
            return decision;
        }

        return decision with
        {
            Findings = concluded,
            Outcome = outcome,
            EarliestEligibleOn = earliest,
            PluginProvenance = _provenance,
        };
    }

    // The authorisation's finding for a target outside it, by series, level and cut-off (what the reasons depend on):
    // made once a run for each, and shared by the decisions it concerns, as findings are immutable.
    private Finding? OutsideAuthorisation(Decision decision, DateOnly asOf)
    {
        if (plugins.InForce.Count == 0 || decision.TargetTitleLevel is not { } level || decision.TargetSeries is not { } series)
        {
            return null;
        }

        return _outside.GetOrAdd((series, level, asOf), static (target, inForce) => Outside(inForce, target.Series, target.Level, target.AsOf), plugins.InForce);
    }

    private static Finding? Outside(IReadOnlyList<ReviewAuthorisation> inForce, TitleSeries series, TitleLevel level, DateOnly asOf)
    {
        // The host's authorisation and every manifest's intersect, never unite (docs/plugins.md): a target is in scope only
        // when every one covers it, so a manifest claiming a wider authorisation cannot widen the host's.
        foreach (var a in inForce)
        {
            if (a.OutsideReason(series, level, asOf) is { } reason)
            {
                return Finding.Create(AuthorisationRuleId, AuthorisationClause, FindingKind.Info, reason + "，应报送具有相应权限的评审委员会评审");
            }
        }

        return null;
    }

    private static Finding OutOfBudget(Entry entry, string spent) =>
        Finding.Create(GuardRuleId, entry.Citation, FindingKind.NeedsReview, $"{spent}（条件 {entry.Id}）");

    private static Finding Review(Entry entry, string problem) =>
        Finding.Create(GuardRuleId, entry.Citation, FindingKind.NeedsReview, $"插件 {entry.Plugin.Manifest.Id} 的条件 {entry.Id} {problem}");

    // The employee as criteria are shown it: on the skill-to-title path without the restricted topics (R5), that view
    // made once for the employee when a criterion first evaluates a skill-to-title decision.
    private struct RecordView(EmployeeRecord record)
    {
        private EmployeeRecord? _withoutRestricted;

        public EmployeeRecord For(ScreeningPath path) =>
            path == ScreeningPath.SkillToTitle ? _withoutRestricted ??= record.ForSkillToTitle() : record;
    }

    // The decision as a criterion is shown it (CriterionContext.Decision, made when first read): its findings a list that
    // copies a statutory finding the first time plug-in code reads it (the originals stay in the host's list, which
    // plug-in code never sees).
    private static readonly Func<Decision, Decision> ShowDecision =
        static decision => decision with { Findings = new ShownFindings(decision.Findings, decision.Findings.Count) };

    /// <summary>
    /// The statutory findings as plug-in code reads them (<see cref="CriterionContext.Decision"/>): each element a copy,
    /// made when first read, so a criterion that rewrites what it reads (by reflection) changes its copy, which
    /// <see cref="Changed"/> finds, never the host's finding.
    /// </summary>
    private sealed class ShownFindings(IReadOnlyList<Finding> findings, int statutory) : IReadOnlyList<Finding>
    {
        private Finding?[]? _copies;

        public int Count => statutory;

        public Finding this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)statutory, nameof(index));
                var copies = _copies ??= new Finding?[statutory];
                return copies[index] ??= findings[index].Copy();
            }
        }

        /// <summary>Whether a copy read by plug-in code no longer says what the statutory finding said.</summary>
        public bool Changed(ReadOnlySpan<FindingKind> kinds, ReadOnlySpan<DateOnly?> dates)
        {
            if (_copies is not { } copies)
            {
                return false;
            }

            for (var f = 0; f < copies.Length; f++)
            {
                if (copies[f] is { } copy && (copy.Kind != kinds[f] || copy.MetOn != dates[f]))
                {
                    return true;
                }
            }

            return false;
        }

        public IEnumerator<Finding> GetEnumerator()
        {
            for (var f = 0; f < statutory; f++)
            {
                yield return this[f];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class Group(LoadedPlugin plugin, PluginBudget.Meter meter, Entry[] entries)
    {
        public LoadedPlugin Plugin { get; } = plugin;

        public PluginBudget.Meter Meter { get; } = meter;

        public Entry[] Entries { get; } = entries;

        /// <summary>Whether its criteria have been asked AppliesTo for every path (<see cref="Prime"/>).</summary>
        public bool Primed { get; set; }

        /// <summary>
        /// Whether a criterion of the plug-in may judge a decision on <paramref name="path"/>: false once every one of them
        /// has answered AppliesTo with no for it (the answers are kept for the run).
        /// </summary>
        public bool MayJudge(ScreeningPath path)
        {
            foreach (var entry in Entries)
            {
                if (entry.Applies[(int)path] != Entry.No)
                {
                    return true;
                }
            }

            return false;
        }

        public static Group Of(LoadedPlugin plugin, PluginBudget.Meter meter) =>
            new(plugin, meter, [.. plugin.Composition.Criteria.Select(c => Entry.Of(plugin, c, meter))]);
    }

    private sealed record Entry(LoadedPlugin Plugin, ICriterion Criterion, string Id, string Citation, CriterionTopic Topic, PluginBudget.Meter Meter)
    {
        public const byte Unknown = 0;
        public const byte Yes = 1;
        public const byte No = 2;

        public static readonly ScreeningPath[] Paths = Enum.GetValues<ScreeningPath>();

        // AppliesTo's answer for each path (indexed by the path's value), once asked. Screening threads may both ask
        // before either keeps the answer: whichever is kept is an answer AppliesTo gave for the path.
        public byte[] Applies { get; } = new byte[Paths.Max(p => (int)p) + 1];

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
