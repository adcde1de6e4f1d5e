using EnterpriseEval.Sdk.Documents;

namespace EnterpriseEval.Sdk.Testing;

/// <summary>
/// One filled-in model per document kind, every optional value present and every list non-empty, so that rendering
/// walks every branch a template is likely to have (an <c>if</c> on an absent date, a loop over items). The samples
/// are the kinds' own (their descriptors, docs/documents.md), so a new kind needs nothing here.
/// </summary>
internal static class SampleDocuments
{
    public static object For(DocumentKind kind) => kind.SampleModel();
}
