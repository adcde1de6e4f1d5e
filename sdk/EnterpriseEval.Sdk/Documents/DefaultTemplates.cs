using System.Reflection;

namespace EnterpriseEval.Sdk.Documents;

/// <summary>
/// The A4 page shell and the resource reading behind the default templates; each kind's default templates are
/// named by its descriptor (<see cref="DocumentKindDescriptor.DefaultTemplate"/>), embedded in the SDK under
/// <c>Documents/Templates</c>.
/// </summary>
internal static class DefaultTemplates
{
    /// <summary>The file extension of a format, without the dot: <c>html</c> or <c>md</c>.</summary>
    internal static string Extension(DocumentFormat format) => format switch
    {
        DocumentFormat.Html => "html",
        DocumentFormat.Markdown => "md",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>The HTML page shell with the A4 print style; <c>&lt;!--TITLE--&gt;</c> and <c>&lt;!--BODY--&gt;</c> mark the slots.</summary>
    internal static string ReadPageShell() => ReadResource(typeof(DefaultTemplates).Assembly, "EnterpriseEval.Sdk.Documents.Templates.page.html");

    /// <summary>The text of an embedded resource.</summary>
    /// <exception cref="InvalidOperationException">The assembly does not embed it.</exception>
    internal static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} 缺少内置模板资源 {name}。");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
