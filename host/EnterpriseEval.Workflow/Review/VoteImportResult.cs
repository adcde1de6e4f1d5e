using EnterpriseEval.Engine.Roster;

namespace EnterpriseEval.Workflow.Review;

/// <summary>The votes accepted from a file and the rows rejected, each with file, row, column and a Chinese reason.</summary>
internal sealed record VoteImportResult(IReadOnlyList<StoredVote> Votes, IReadOnlyList<RosterReject> Rejects);
