namespace EnterpriseEval.Sdk.Documents;

/// <summary>
/// A kind of document the runtime issues (SPEC §9). Each kind has one model type that its templates see and a
/// default template in the SDK that a plug-in may replace.
/// </summary>
public enum DocumentKind
{
    /// <summary>岗位比照通知书; model <see cref="PostEquivalenceNotice"/>. Code <c>post_equivalence_notice</c>.</summary>
    PostEquivalenceNotice = 1,

    /// <summary>薪酬调整通知书; model <see cref="PayNotice"/>. Code <c>wage_notice</c>.</summary>
    WageNotice,

    /// <summary>津贴发放通知; model <see cref="PayNotice"/>. Code <c>allowance_notice</c>.</summary>
    AllowanceNotice,

    /// <summary>资格审查结果通知; model <see cref="ScreeningResultNotice"/>. Code <c>screening_result_notice</c>.</summary>
    ScreeningResultNotice,

    /// <summary>评审结果公示; model <see cref="PublicityList"/>. Code <c>publicity_list</c>.</summary>
    PublicityList,
}
