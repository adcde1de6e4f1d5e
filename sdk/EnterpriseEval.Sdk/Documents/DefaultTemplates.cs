namespace EnterpriseEval.Sdk.Documents;

/// <summary>The default templates and the A4 page shell, embedded in the SDK under <c>Documents/Templates</c>.</summary>
internal static class DefaultTemplates
{
    /// <summary>The file name of a kind's template in a format: <c>post_equivalence_notice.html.sbn</c>.</summary>
    internal static string FileName(DocumentKind kind, DocumentFormat format) =>
        $"{kind.ToCode()}.{Extension(format)}.sbn";

    /// <summary>The file extension of a format, without the dot: <c>html</c> or <c>md</c>.</summary>
    internal static string Extension(DocumentFormat format) => format switch
    {
        DocumentFormat.Html => "html",
        DocumentFormat.Markdown => "md",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>The text of the default template of a kind in a format.</summary>
    internal static string Read(DocumentKind kind, DocumentFormat format) => ReadResource(FileName(kind, format));

    /// <summary>The HTML page shell with the A4 print style; <c>&lt;!--TITLE--&gt;</c> and <c>&lt;!--BODY--&gt;</c> mark the slots.</summary>
    internal static string ReadPageShell() => ReadResource("page.html");

    private static string ReadResource(string fileName)
    {
        var name = $"EnterpriseEval.Sdk.Documents.Templates.{fileName}";
        using var stream = typeof(DefaultTemplates).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"SDK 缺少内置模板资源 {name}。");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
