using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Runtime.Output;

/// <summary>
/// How one decision reads in every output (SPEC §7): the same values for CSV and JSON, so the two never disagree.
/// </summary>
internal static class DecisionColumns
{
    public static readonly string[] Header =
    [
        "employee_id", "name", "path", "target_level", "target_series", "target_occupation", "outcome",
        "earliest_eligible_on", "theory_exam_exempt", "rule_ids", "reasons", "basis_certificate_no",
        "rule_set_version", "plugins",
    ];

    /// <summary>Findings that explain a refusal come first, then flags, then the evidence.</summary>
    public static IEnumerable<Finding> InReadingOrder(IReadOnlyList<Finding> findings) =>
        findings.OrderBy(f => f.Kind switch
        {
            FindingKind.Failed => 0,
            FindingKind.NeedsReview => 1,
            FindingKind.Flag => 2,
            FindingKind.Met => 3,
            _ => 4,
        });

    /// <summary>The rules that failed, asked for review or flagged, each once, <c>;</c> separated.</summary>
    public static string RuleIds(IReadOnlyList<Finding> findings) =>
        string.Join(';', InReadingOrder(findings)
            .Where(f => f.Kind is FindingKind.Failed or FindingKind.NeedsReview or FindingKind.Flag)
            .Select(f => f.RuleId)
            .Distinct(StringComparer.Ordinal));

    /// <summary>Every finding's Chinese sentence, <c>；</c> separated, refusals first.</summary>
    public static string Reasons(IReadOnlyList<Finding> findings) =>
        string.Join('；', InReadingOrder(findings).Select(f => f.Message));

    public static string YesNo(bool value) => value ? "yes" : "no";

    public static string Series(Decision d) => d.TargetSeries?.ToCode() ?? "";
}
