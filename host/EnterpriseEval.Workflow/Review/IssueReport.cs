using EnterpriseEval.Workflow.Review.Store;

namespace EnterpriseEval.Workflow.Review;

/// <summary>What <c>review issue</c> wrote: notices, workbooks, who was withheld, the signed head after the issue and the filing list.</summary>
internal sealed record IssueReport(
    IReadOnlyList<StoredNotice> Notices, IReadOnlyList<string> Exports, IReadOnlyList<string> Withheld, AuditHead Head, string FilingList);
