using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Sdk.Screening;

/// <summary>
/// The screening of one employee on one path and target: what they <em>may</em> apply for, why or why not,
/// and from which date (docs/roster.md "Result files").
/// </summary>
public sealed record Decision
{
    /// <summary>工号.</summary>
    public required string EmployeeId { get; init; }

    /// <summary>姓名.</summary>
    public required string Name { get; init; }

    /// <summary>The path screened.</summary>
    public required ScreeningPath Path { get; init; }

    /// <summary>The title level aimed at, on a title path.</summary>
    public TitleLevel? TargetTitleLevel { get; init; }

    /// <summary>The skill level aimed at, on a skill path.</summary>
    public SkillLevel? TargetSkillLevel { get; init; }

    /// <summary>The title series aimed at, on a title path.</summary>
    public TitleSeries? TargetSeries { get; init; }

    /// <summary>The occupation aimed at, on a skill path.</summary>
    public string TargetOccupation { get; init; } = "";

    /// <summary>The outcome.</summary>
    public required Outcome Outcome { get => _outcome; init => _outcome = value; }

    /// <summary>When the decision is not eligible only for lack of time: the first day it will be.</summary>
    public DateOnly? EarliestEligibleOn { get => _earliestEligibleOn; init => _earliestEligibleOn = value; }

    /// <summary>Theory exam exempt (相关专业毕业, 96号 二（四）): a flag, not a condition.</summary>
    public bool TheoryExamExempt { get; init; }

    /// <summary>Every finding, statutory first, in the order the rules ran.</summary>
    public required IReadOnlyList<Finding> Findings { get => _findings; init => _findings = value; }

    /// <summary>The certificate or title the decision rests on, when one was chosen (its number).</summary>
    public string BasisCertificateNo { get; init; } = "";

    /// <summary>
    /// The plug-ins that applied to this decision's employee (their scope contains it), as <c>id@version#sha256</c>,
    /// <c>;</c> separated; empty for the statutory rules alone (the <c>plugins</c> column of <c>decisions.csv</c>).
    /// Set by the engine, not by plug-ins (docs/plugins.md, "Scope").
    /// </summary>
    internal string PluginProvenance { get => _pluginProvenance; init => _pluginProvenance = value; }

    // The members the engine concludes after the plug-in criteria ran (ConcludeInPlace): fields of their own, so that a
    // decision the statutory rules just made for the engine can be concluded without a copy.
    private Outcome _outcome;
    private DateOnly? _earliestEligibleOn;
    private IReadOnlyList<Finding> _findings = [];
    private string _pluginProvenance = "";

    /// <summary>
    /// Sets what the criteria stage concludes (findings, outcome, earliest date, provenance) on a decision the statutory
    /// rules made for this call and that nobody else has seen yet: the engine's screening pass, which hands the rules'
    /// fresh decisions straight to the stage. Anywhere else, decisions are immutable (<c>with</c> makes a copy).
    /// </summary>
    internal void ConcludeInPlace(IReadOnlyList<Finding> findings, Outcome outcome, DateOnly? earliestEligibleOn, string pluginProvenance)
    {
        _findings = findings;
        _outcome = outcome;
        _earliestEligibleOn = earliestEligibleOn;
        _pluginProvenance = pluginProvenance;
    }

    /// <summary>The code of the target level: a title-level or skill-level code, empty when none.</summary>
    public string TargetLevelCode =>
        TargetTitleLevel?.ToCode() ?? TargetSkillLevel?.ToCode() ?? "";

    /// <summary>
    /// Derives the outcome from findings: any failure → <see cref="Outcome.NotEligible"/>; else any
    /// <see cref="FindingKind.NeedsReview"/> → <see cref="Outcome.NeedsReview"/>; else eligible. When every failure
    /// carries <see cref="Finding.MetOn"/>, the latest of them is the earliest eligible date. Internal since SDK 1.1:
    /// the engine composes the outcome once, after the plug-in criteria (docs/plugin-authoring.md "Versioning").
    /// </summary>
    internal static (Outcome Outcome, DateOnly? EarliestEligibleOn) Evaluate(IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        return findings switch
        {
            Finding[] array => Evaluate(array),
            List<Finding> list => Evaluate(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list)),
            _ => Evaluate([.. findings]),
        };
    }

    // The statutory rules evaluate their findings while they are still on the stack.
    internal static (Outcome Outcome, DateOnly? EarliestEligibleOn) Evaluate(ReadOnlySpan<Finding> findings)
    {
        var failed = false;
        var onlyTime = true;
        var review = false;
        DateOnly? latest = null;
        foreach (var f in findings)
        {
            switch (f.Kind)
            {
                case FindingKind.Failed:
                    failed = true;
                    if (f.MetOn is { } d)
                    {
                        latest = latest is null || d > latest ? d : latest;
                    }
                    else
                    {
                        onlyTime = false;
                    }

                    break;
                case FindingKind.NeedsReview:
                    review = true;
                    break;
            }
        }

        if (failed)
        {
            return (Outcome.NotEligible, onlyTime ? latest : null);
        }

        return (review ? Outcome.NeedsReview : Outcome.Eligible, null);
    }
}
