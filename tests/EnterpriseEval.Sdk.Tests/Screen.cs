using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Tests;

/// <summary>Screens test employees with the shipped project defaults and reads decisions the way a reviewer does.</summary>
internal static class Screen
{
    internal static readonly DateOnly DefaultCutOff = new(2026, 12, 31);

    internal static readonly StatutoryRuleSet Defaults = StatutoryRuleSet.Create(PolicyOptions.ProjectDefaults());

    /// <summary>All decisions for the employee.</summary>
    internal static IReadOnlyList<Decision> All(EmployeeRecordBuilder employee, string? asOf = null, StatutoryRuleSet? rules = null) =>
        (rules ?? Defaults).Screen(employee.Build(), asOf is null ? DefaultCutOff : EmployeeRecordBuilder.D(asOf));

    /// <summary>The single decision for an employee with one application.</summary>
    internal static Decision One(EmployeeRecordBuilder employee, string? asOf = null, StatutoryRuleSet? rules = null) =>
        Assert.Single(All(employee, asOf, rules));

    /// <summary>The rule ids a reviewer sees in <c>rule_ids</c>: failed, needs review or flagged.</summary>
    internal static string RuleIds(this Decision decision) => string.Join(
        ";",
        decision.Findings
            .Where(f => f.Kind is FindingKind.Failed or FindingKind.NeedsReview or FindingKind.Flag)
            .Select(f => f.RuleId)
            .Distinct());

    /// <summary>The <c>reasons</c> column: every message, joined.</summary>
    internal static string Reasons(this Decision decision) => string.Join("；", decision.Findings.Select(f => f.Message));

    /// <summary>The findings of one rule.</summary>
    internal static IEnumerable<Finding> Of(this Decision decision, string ruleId) =>
        decision.Findings.Where(f => f.RuleId == ruleId);
}
