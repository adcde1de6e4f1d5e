using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Plugins;

/// <summary>
/// An extra condition a firm sets on top of the statutory rules (combined with AND: it can only add failures or
/// <c>needs_review</c>, never make eligible someone the statutory rules refuse). It must be pure and fast: it runs
/// once per decision on rosters of a million employees, in parallel, under a time limit.
/// </summary>
public interface ICriterion
{
    /// <summary>The criterion id shown in <c>rule_ids</c>, e.g. <c>GJ-SAFETY</c>. Unique within the plug-in.</summary>
    string Id { get; }

    /// <summary>The firm's own citation: regulation and article, e.g. 《赣江重机技能人才评价管理办法》第十二条.</summary>
    string Citation { get; }

    /// <summary>What the criterion looks at (see <see cref="CriterionTopic"/>).</summary>
    CriterionTopic Topic { get; }

    /// <summary>
    /// Whether the criterion applies to a path. The host asks once a path in a run and keeps the answer, so it must
    /// depend on the path alone (a call that throws is not kept: each decision on the path then says so).
    /// </summary>
    bool AppliesTo(ScreeningPath path);

    /// <summary>
    /// Evaluates one decision. Return a finding made with <paramref name="context"/> (<see cref="CriterionContext.Met"/>,
    /// <see cref="CriterionContext.Fail"/>, <see cref="CriterionContext.Review"/>), or <see langword="null"/> when the
    /// criterion has nothing to say about this decision.
    /// </summary>
    Finding? Evaluate(CriterionContext context);
}
