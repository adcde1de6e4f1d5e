using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Plugins;

/// <summary>
/// What a criterion sees of one decision: the employee's record, the statutory decision so far and the cut-off.
/// Findings made through it carry the criterion's id and citation.
/// </summary>
public sealed class CriterionContext
{
    private readonly ICriterion _criterion;
    private readonly Decision _statutory;
    private readonly Func<Decision, Decision>? _show;
    private Decision? _shown;

    internal CriterionContext(ICriterion criterion, EmployeeRecord record, Decision decision, DateOnly asOf)
        : this(criterion, record, decision, asOf, show: null)
    {
    }

    /// <summary>
    /// A context whose <see cref="Decision"/> is made from the statutory decision by <paramref name="show"/> when a
    /// criterion first reads it (the host hands plug-in code copies of the statutory findings, and a criterion that reads
    /// only the path and target costs no copy).
    /// </summary>
    internal CriterionContext(ICriterion criterion, EmployeeRecord record, Decision decision, DateOnly asOf, Func<Decision, Decision>? show)
    {
        _criterion = criterion;
        _statutory = decision;
        _show = show;
        Record = record;
        AsOf = asOf;
    }

    /// <summary>The employee's record. On the skill-to-title path education is not shown (96号 二（二）1).</summary>
    public EmployeeRecord Record { get; }

    /// <summary>
    /// The decision as the statutory rules made it (path, target, outcome, findings). A criterion that needs only the
    /// path or the target reads <see cref="Path"/>, <see cref="TargetTitleLevel"/> or <see cref="TargetSkillLevel"/>
    /// instead, which cost nothing.
    /// </summary>
    public Decision Decision => _shown ??= _show is null ? _statutory : _show(_statutory);

    /// <summary>The path of the decision (as <see cref="Decision"/>'s).</summary>
    public ScreeningPath Path => _statutory.Path;

    /// <summary>The title level the decision is about, on the paths to a title (as <see cref="Decision"/>'s).</summary>
    public TitleLevel? TargetTitleLevel => _statutory.TargetTitleLevel;

    /// <summary>The skill level the decision is about, on the paths to a skill level (as <see cref="Decision"/>'s).</summary>
    public SkillLevel? TargetSkillLevel => _statutory.TargetSkillLevel;

    /// <summary>The decision shown to the criterion, once it read <see cref="Decision"/>; null before.</summary>
    internal Decision? Shown => _shown;

    /// <summary>The cut-off date of the screening.</summary>
    public DateOnly AsOf { get; }

    /// <summary>The condition is met; <paramref name="sentence"/> says why (Chinese).</summary>
    public Finding Met(string sentence) => Make(FindingKind.Met, sentence, null);

    /// <summary>The condition is not met (Chinese sentence); give <paramref name="metOn"/> when only time is missing.</summary>
    public Finding Fail(string sentence, DateOnly? metOn = null) => Make(FindingKind.Failed, sentence, metOn);

    /// <summary>A person must look at this decision (Chinese sentence).</summary>
    public Finding Review(string sentence) => Make(FindingKind.NeedsReview, sentence, null);

    private Finding Make(FindingKind kind, string sentence, DateOnly? metOn) =>
        Finding.Create(_criterion.Id, _criterion.Citation, kind, sentence, metOn);
}
