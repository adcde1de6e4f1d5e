namespace EnterpriseEval.Runtime.Review;

/// <summary>What <c>review issue</c> wrote: notices, exports, and the candidates withheld because of an objection.</summary>
internal sealed record IssueReport(IReadOnlyList<StoredNotice> Notices, IReadOnlyList<string> Exports, IReadOnlyList<string> Withheld);
