using EnterpriseEval.Workflow.Review.Store;

namespace EnterpriseEval.Workflow.Review;

/// <summary>
/// One candidate the batch issues a notice to: the decision, the committee's vote, the score, the publicity, and the
/// signed head of the audit chain the notice is issued on (printed on the notice, docs/security.md).
/// </summary>
internal sealed record NoticeCandidate(StoredDecision Decision, StoredVote Vote, IReadOnlyList<StoredScore> Scores, StoredPublicity Publicity, AuditHead Head);
