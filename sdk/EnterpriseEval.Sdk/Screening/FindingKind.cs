namespace EnterpriseEval.Sdk.Screening;

/// <summary>What a finding means for the decision it belongs to.</summary>
public enum FindingKind
{
    /// <summary>The condition is met; the sentence explains the evidence.</summary>
    Met = 1,

    /// <summary>Information for the reader (e.g. participation is voluntary); no effect on the outcome.</summary>
    Info,

    /// <summary>A flag on the decision (e.g. theory exam exempt); listed in <c>rule_ids</c>, no effect on the outcome.</summary>
    Flag,

    /// <summary>A person must look at this; turns an otherwise eligible decision into <c>needs_review</c>.</summary>
    NeedsReview,

    /// <summary>The condition is not met; the decision is <c>not_eligible</c>.</summary>
    Failed,
}
