using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Rules;

/// <summary>
/// R12 (96号 二（五）): 高技能人才依据技术技能水平自愿参加职称评审。Screening says what a person may apply for, never that
/// they must; every eligible decision carries this finding.
/// </summary>
internal static class VoluntaryParticipation
{
    /// <summary>The <see cref="FindingKind.Info"/> finding; immutable, so one instance serves every decision.</summary>
    internal static readonly Finding Finding = Finding.Create(
        "R12",
        Clauses.Equivalence,
        FindingKind.Info,
        "可自愿申报，非强制：本结果仅表示符合申报条件，是否申报由本人依据技术技能水平自愿决定");
}
