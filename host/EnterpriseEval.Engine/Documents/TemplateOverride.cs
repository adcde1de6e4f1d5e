using EnterpriseEval.Sdk.Documents;

namespace EnterpriseEval.Engine.Documents;

/// <summary>A template that replaces the default of one kind in one format, e.g. a plug-in's letterhead notice.</summary>
/// <param name="Kind">The document kind it replaces.</param>
/// <param name="Format">The output format it renders.</param>
/// <param name="Path">The Scriban file.</param>
/// <param name="Origin">Who supplies it, for messages: the plug-in id.</param>
/// <param name="IncludeRoot">The only folder its <c>include</c> may read from: the plug-in's folder.</param>
internal sealed record TemplateOverride(DocumentKind Kind, DocumentFormat Format, string Path, string Origin, string IncludeRoot);
