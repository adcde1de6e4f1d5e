namespace EnterpriseEval.Sdk.Screening;

/// <summary>
/// Whether a post equivalence (岗位比照, 96号 二（五）) can be acted on as it stands: the appointment is backed by the
/// certificates held on the cut-off date, or a person must look at it first (docs/rules.md, R11).
/// </summary>
public enum EquivalenceStatus
{
    /// <summary>
    /// The appointment is backed by a valid certificate of the appointed level or higher (for 特级技师 and 首席技师: 高级技师
    /// or higher). Code <c>confirmed</c>.
    /// </summary>
    Confirmed = 1,

    /// <summary>
    /// The certificates held on the cut-off date do not back the appointment; the finding says which certificate is
    /// missing and which is held. Notices that rest on the equivalence are held back. Code <c>needs_review</c>.
    /// </summary>
    NeedsReview,
}
