namespace EnterpriseEval.Runtime.Review;

/// <summary>One candidate the batch issues a notice to: the decision, the committee's vote, the score, the publicity.</summary>
internal sealed record NoticeCandidate(StoredDecision Decision, StoredVote Vote, IReadOnlyList<StoredScore> Scores, StoredPublicity Publicity);
