namespace EnterpriseEval.Workflow.Review;

/// <summary>An audit entry about to be written with a step's data, in the same transaction.</summary>
/// <param name="Step">The step (<c>new</c>, <c>import</c>, <c>screen</c>, <c>score</c> …).</param>
/// <param name="User">Who ran it.</param>
/// <param name="Summary">What was done, in Chinese.</param>
/// <param name="Facts">Further facts for the record (counts, dates, files).</param>
internal sealed record AuditDraft(string Step, string User, string Summary, IReadOnlyDictionary<string, string>? Facts = null);
