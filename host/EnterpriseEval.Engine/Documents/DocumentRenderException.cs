namespace EnterpriseEval.Engine.Documents;

/// <summary>A template failed while rendering one document: a sandbox limit was hit or a function failed.</summary>
internal sealed class DocumentRenderException : Exception
{
    /// <summary>Creates the exception; the message is Chinese and names origin, file, line and column.</summary>
    public DocumentRenderException(TemplateError error, Exception inner)
        : base($"文档渲染失败：{error}", inner)
    {
        Error = error;
    }

    /// <summary>Where and why rendering stopped.</summary>
    public TemplateError Error { get; }
}
