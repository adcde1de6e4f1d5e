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

    internal CriterionContext(ICriterion criterion, EmployeeRecord record, Decision decision, DateOnly asOf)
    {
        _criterion = criterion;
        Record = record;
        Decision = decision;
        AsOf = asOf;
    }

    /// <summary>The employee's record. On the skill-to-title path education is not shown (96号 二（二）1).</summary>
    public EmployeeRecord Record { get; }

    /// <summary>The decision as the statutory rules made it (path, target, outcome, findings).</summary>
    public Decision Decision { get; }

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
