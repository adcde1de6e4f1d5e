using System.Collections.Concurrent;
using EnterpriseEval.Sdk.Documents;
using Scriban;

namespace EnterpriseEval.Engine.Documents;

/// <summary>A template parsed and checked at load, ready to render any number of documents.</summary>
/// <param name="Descriptor">The document kind's descriptor (docs/documents.md).</param>
/// <param name="Format">The output format.</param>
/// <param name="Template">The parsed template.</param>
/// <param name="Origin">Who supplies it: a plug-in id, or the SDK.</param>
/// <param name="File">The file it was read from (for a default, its resource name).</param>
/// <param name="IncludeRoot">The folder <c>include</c> may read from; null when includes are refused.</param>
internal sealed record CompiledTemplate(
    DocumentKindDescriptor Descriptor, DocumentFormat Format, Template Template, string Origin, string File, string? IncludeRoot)
{
    /// <summary>The document kind.</summary>
    public DocumentKind Kind => Descriptor.Kind;

    /// <summary>Included templates, parsed on first use and shared by all renders.</summary>
    public ConcurrentDictionary<string, Template> IncludeCache { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Contexts that finished a render cleanly, for the next render of this template: building a context costs
    /// about as much as rendering a short notice.
    /// </summary>
    public ConcurrentBag<DocumentTemplateContext> IdleContexts { get; } = [];
}
