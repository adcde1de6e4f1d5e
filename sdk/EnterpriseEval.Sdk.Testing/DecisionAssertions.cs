using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Testing;

/// <summary>
/// Assertions on a decision, usable with any test framework: each returns the decision for chaining, and on failure
/// throws <see cref="PluginAssertionException"/> showing the whole decision with its findings.
/// </summary>
public static class DecisionAssertions
{
    /// <summary>Asserts the decision's outcome.</summary>
    /// <param name="decision">The decision, e.g. from <see cref="ScreeningRun.For"/>.</param>
    /// <param name="expected">The outcome expected.</param>
    /// <exception cref="PluginAssertionException">The outcome differs.</exception>
    public static Decision ShouldBe(this Decision decision, Outcome expected)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision.Outcome == expected
            ? decision
            : throw new PluginAssertionException(
                $"结论应为{expected.ToChinese()}（{expected.ToCode()}），实际为{decision.Outcome.ToChinese()}（{decision.Outcome.ToCode()}）：{DecisionText.Describe(decision)}"
                + $"{Environment.NewLine}Expected outcome {expected.ToCode()}, found {decision.Outcome.ToCode()}.");
    }

    /// <summary>Asserts the decision has a finding of a rule or criterion, optionally of a kind and with a text.</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="ruleId">A statutory rule id (<c>R1</c>…), a criterion's <see cref="Plugins.ICriterion.Id"/>, or a
    /// guardrail id (<c>PLUGIN</c>, <c>AUTH</c>).</param>
    /// <param name="kind">The kind expected; any when null.</param>
    /// <param name="messageContains">A part of the Chinese sentence expected; any when null.</param>
    /// <exception cref="PluginAssertionException">No such finding.</exception>
    public static Decision ShouldHaveFinding(this Decision decision, string ruleId, FindingKind? kind = null, string? messageContains = null)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        var found = decision.Findings.Any(f =>
            f.RuleId == ruleId
            && (kind is null || f.Kind == kind)
            && (messageContains is null || f.Message.Contains(messageContains, StringComparison.Ordinal)));
        var wanted = $"{ruleId}{(kind is null ? "" : $" [{kind}]")}{(messageContains is null ? "" : $" “{messageContains}”")}";
        return found
            ? decision
            : throw new PluginAssertionException(
                $"结论中没有发现 {wanted}：{DecisionText.Describe(decision)}{Environment.NewLine}Expected a finding {wanted}.");
    }

    /// <summary>Asserts no finding of a rule or criterion is in the decision (e.g. a criterion that should not apply).</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="ruleId">The rule or criterion id.</param>
    /// <exception cref="PluginAssertionException">The decision has such a finding.</exception>
    public static Decision ShouldNotHaveFinding(this Decision decision, string ruleId)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision.Findings.All(f => f.RuleId != ruleId)
            ? decision
            : throw new PluginAssertionException(
                $"结论中不应有 {ruleId} 的结论：{DecisionText.Describe(decision)}{Environment.NewLine}Expected no finding of {ruleId}.");
    }
}
