namespace EnterpriseEval.Sdk.Model;

/// <summary>An annual assessment result (年度考核结果).</summary>
public enum AssessmentResult
{
    /// <summary>优秀. Code <c>excellent</c>.</summary>
    Excellent = 1,

    /// <summary>合格. Code <c>qualified</c>.</summary>
    Qualified,

    /// <summary>基本合格. Code <c>basically_qualified</c>.</summary>
    BasicallyQualified,

    /// <summary>不合格. Code <c>unqualified</c>.</summary>
    Unqualified,
}
