using EnterpriseEval.Runtime.Roster;

namespace EnterpriseEval.Runtime.Review;

/// <summary>The votes accepted from a file and the rows rejected, each with file, row, column and a Chinese reason.</summary>
internal sealed record VoteImportResult(IReadOnlyList<StoredVote> Votes, IReadOnlyList<RosterReject> Rejects);
