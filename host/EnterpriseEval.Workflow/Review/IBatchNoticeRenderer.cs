namespace EnterpriseEval.Workflow.Review;

/// <summary>
/// Renders the notice of one candidate at the end of a batch (<c>review issue</c>). The default writes plain
/// Markdown (<see cref="MarkdownNoticeRenderer"/>); the Scriban document engine replaces it.
/// </summary>
internal interface IBatchNoticeRenderer
{
    /// <summary>Writes the notice into <paramref name="folder"/> and returns the file's path.</summary>
    string Render(BatchDefinition batch, NoticeCandidate candidate, DateOnly issuedOn, string folder);
}
