using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Documents;

/// <summary>
/// The model of a 岗位比照通知书 (<see cref="DocumentKind.PostEquivalenceNotice"/>): an appointed skilled worker is
/// treated as the corresponding title level (96号 二（五）). Each property is a template variable, named in
/// snake_case (e.g. <c>{{ equivalent_title_level }}</c>).
/// </summary>
public sealed record PostEquivalenceNotice
{
    /// <summary>
    /// The treatment areas 96号 二（五） names: 学习进修、岗位聘任、职务职级晋升、评优评奖、科研项目申报.
    /// </summary>
    public static IReadOnlyList<string> PolicyTreatmentAreas { get; } = ["学习进修", "岗位聘任", "职务职级晋升", "评优评奖", "科研项目申报"];

    /// <summary>发文信息 (<c>issue</c>).</summary>
    public required DocumentIssue Issue { get; init; }

    /// <summary>受文职工 (<c>employee</c>).</summary>
    public required DocumentPerson Employee { get; init; }

    /// <summary>职业（工种） of the appointment (<c>occupation</c>), may be empty. Example: <c>车工</c>.</summary>
    public string Occupation { get; init; } = "";

    /// <summary>在聘等级 (<c>appointed_skill_level</c>); printed as its Chinese name, e.g. <c>技师</c>.</summary>
    public required SkillLevel AppointedSkillLevel { get; init; }

    /// <summary>聘期开始 (<c>appointed_from</c>), may be absent; printed as <c>2025年1月1日</c>.</summary>
    public DateOnly? AppointedFrom { get; init; }

    /// <summary>聘期结束 (<c>appointed_until</c>), absent when open-ended; printed as <c>2027年12月31日</c>.</summary>
    public DateOnly? AppointedUntil { get; init; }

    /// <summary>比照层级 (<c>equivalent_title_level</c>); printed as its Chinese name, e.g. <c>中级</c>.</summary>
    public required TitleLevel EquivalentTitleLevel { get; init; }

    /// <summary>
    /// 企业内部岗位等级 a plug-in maps (<c>internal_grade</c>), empty when none. Example: <c>专业技术岗位九级</c>.
    /// </summary>
    public string InternalGrade { get; init; } = "";

    /// <summary>
    /// 享受同等待遇的方面 (<c>treatment_areas</c>, a list of text). Defaults to <see cref="PolicyTreatmentAreas"/>.
    /// Example item: <c>学习进修</c>.
    /// </summary>
    public IReadOnlyList<string> TreatmentAreas { get; init; } = PolicyTreatmentAreas;

    /// <summary>政策依据 (<c>basis</c>). Defaults to 96号 二（五） (<c>96/2.5</c>).</summary>
    public IReadOnlyList<PolicyBasis> Basis { get; init; } = [new(Clauses.Equivalence)];
}
