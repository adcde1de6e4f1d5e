namespace EnterpriseEval.Sdk.Model;

/// <summary>The outcome of screening one employee on one path and target.</summary>
public enum Outcome
{
    /// <summary>符合申报条件 (the person <em>may</em> apply; 96号 二（五）: participation is voluntary). Code <c>eligible</c>.</summary>
    Eligible = 1,

    /// <summary>暂不符合. Code <c>not_eligible</c>.</summary>
    NotEligible,

    /// <summary>需人工复核. Code <c>needs_review</c>.</summary>
    NeedsReview,

    /// <summary>超出本单位自主评审权限: goes to the external committee; not a rejection. Code <c>out_of_scope</c>.</summary>
    OutOfScope,
}
