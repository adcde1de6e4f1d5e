using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Sdk.Screening;

/// <summary>
/// 岗位比照 (96号 二（五）): an employee appointed to a skill level on the cut-off date is treated as the
/// corresponding title level for study, appointment, promotion, awards and research-project applications. The
/// appointment is checked against the certificates held on the cut-off date (<see cref="Status"/>).
/// </summary>
public sealed record PostEquivalence
{
    /// <summary>工号.</summary>
    public required string EmployeeId { get; init; }

    /// <summary>姓名.</summary>
    public required string Name { get; init; }

    /// <summary>在聘等级.</summary>
    public required SkillLevel AppointedSkillLevel { get; init; }

    /// <summary>The title level the appointment is treated as.</summary>
    public required TitleLevel EquivalentTitleLevel { get; init; }

    /// <summary>聘期开始.</summary>
    public DateOnly? AppointedFrom { get; init; }

    /// <summary>聘期结束 (absent = open-ended).</summary>
    public DateOnly? AppointedUntil { get; init; }

    /// <summary>The firm's internal post grade a plug-in maps the appointment to (empty when none).</summary>
    public string EnterpriseGrade { get; init; } = "";

    /// <summary>
    /// The finding that explains the equivalence, with its clause: <see cref="FindingKind.Met"/> when the appointment is
    /// backed by a certificate, <see cref="FindingKind.NeedsReview"/> (naming the certificate missing and the one held)
    /// when it is not.
    /// </summary>
    public required Finding Finding { get; init; }

    /// <summary>
    /// <see cref="EquivalenceStatus.NeedsReview"/> when the appointment is not backed by a valid certificate of the
    /// appointed level or higher held on the cut-off date (for 特级技师 and 首席技师: 高级技师 or higher), else
    /// <see cref="EquivalenceStatus.Confirmed"/>. Follows <see cref="Finding"/>'s kind, so the two never disagree.
    /// </summary>
    public EquivalenceStatus Status =>
        Finding.Kind == FindingKind.NeedsReview ? EquivalenceStatus.NeedsReview : EquivalenceStatus.Confirmed;
}
