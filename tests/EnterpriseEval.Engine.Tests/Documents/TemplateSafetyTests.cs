using EnterpriseEval.Engine.Documents;
using EnterpriseEval.Sdk.Documents;

namespace EnterpriseEval.Engine.Tests.Documents;

/// <summary>
/// docs/security.md, "Templates": a plug-in template cannot print a value where escaping does not protect, cannot print a
/// whole record (and with it the full 身份证号), cannot include a file outside its folder through a link, and a runaway
/// template fails instead of being cut.
/// </summary>
public sealed class TemplateSafetyTests
{
    private const string Plugin = "acme.letterhead";

    [Theory]
    [InlineData("<a href=\"{{ employee.name }}\">链接</a>", "href")]
    [InlineData("<img src='{{ employee.name }}'>", "src")]
    [InlineData("<p onclick=\"{{ employee.name }}\">x</p>", "onclick")]
    [InlineData("<p style=\"color:{{ employee.name }}\">x</p>", "style")]
    [InlineData("<p class={{ employee.name }}>x</p>", "须用引号")]
    [InlineData("<p {{ employee.name }}>x</p>", "标签内")]
    [InlineData("<script>var n = \"{{ employee.name }}\";</script>", "<script>")]
    [InlineData("<style>p::after { content: \"{{ employee.name }}\" }</style>", "<style>")]
    [InlineData("<{{ employee.name }}>x", "标签名")]
    public void A_value_printed_where_escaping_does_not_protect_is_refused_at_load(string html, string named)
    {
        using var plugin = new TempFolder();
        var path = plugin.Write("notice.html.sbn", $"<article>\n{html}\n</article>\n");

        var error = Assert.Single(LoadErrors(Override(DocumentKind.PostEquivalenceNotice, DocumentFormat.Html, path, plugin.Path)));

        Assert.Equal(2, error.Line);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<p class=\"{{ employee.name }}\" title='{{ employee.post }}'>{{ employee.name }}</p><!-- {{ employee.name }} -->")]
    [InlineData("<script>window.print();</script><p>{{ employee.name }}</p><style>p { color: red }</style><td>{{ employee.post }}</td>")]
    public void Values_in_text_and_in_quoted_ordinary_attributes_are_accepted_and_escaped(string html)
    {
        using var plugin = new TempFolder();
        var path = plugin.Write("notice.html.sbn", $"<article>{html}</article>");
        var renderer = new DocumentRenderer(TemplateCatalog.Load([Override(DocumentKind.PostEquivalenceNotice, DocumentFormat.Html, path, plugin.Path)]));

        var rendered = renderer.Render(
            DocumentKind.PostEquivalenceNotice,
            DocumentFormat.Html,
            DocumentSamples.PostEquivalence(DocumentSamples.Person with { Name = "\"><script>alert(1)</script>" }));

        Assert.DoesNotContain("<script>alert", rendered, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;script&gt;", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void A_markdown_link_target_taking_a_value_is_refused_at_load()
    {
        using var plugin = new TempFolder();
        var path = plugin.Write("notice.md.sbn", "# 通知\n\n[查看]({{ employee.name }})\n");

        var error = Assert.Single(LoadErrors(Override(DocumentKind.PostEquivalenceNotice, DocumentFormat.Markdown, path, plugin.Path)));

        Assert.Contains("链接地址", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ employee }}", "记录（DocumentPerson）")]
    [InlineData("{{ items }}", "列表")]
    public void Printing_a_whole_record_or_list_is_refused_at_load(string template, string named)
    {
        using var plugin = new TempFolder();
        var path = plugin.Write("notice.html.sbn", $"<article><p>{template}</p></article>");

        var error = Assert.Single(LoadErrors(Override(DocumentKind.WageNotice, DocumentFormat.Html, path, plugin.Path)));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_whole_record_reached_through_a_variable_fails_the_document_and_never_shows_the_identity_number()
    {
        using var plugin = new TempFolder();
        var path = plugin.Write("notice.html.sbn", "<article>{{ who = employee }}<p>{{ who }}</p><p>{{ who | string.append \"\" }}</p></article>");
        var renderer = new DocumentRenderer(TemplateCatalog.Load([Override(DocumentKind.PostEquivalenceNotice, DocumentFormat.Html, path, plugin.Path)]));

        var error = Assert.Throws<DocumentRenderException>(
            () => renderer.Render(DocumentKind.PostEquivalenceNotice, DocumentFormat.Html, DocumentSamples.PostEquivalence())).Error;

        Assert.Contains("不能直接输出整个记录", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(DocumentSamples.RawIdNumber, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_person_written_as_text_shows_the_identity_number_masked()
    {
        var text = DocumentSamples.Person.ToString();

        Assert.DoesNotContain(DocumentSamples.RawIdNumber, text, StringComparison.Ordinal);
        Assert.Contains(IdentityNumber.Mask(DocumentSamples.RawIdNumber), text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_include_that_is_a_link_out_of_the_plugin_folder_is_refused_at_load()
    {
        using var plugin = new TempFolder();
        using var outside = new TempFolder();
        var secret = outside.Write("secret.txt", "机密内容");
        File.CreateSymbolicLink(Path.Combine(plugin.Path, "part.sbn"), secret);
        var path = plugin.Write("notice.html.sbn", "<article>{{ include 'part.sbn' }}</article>");

        var error = Assert.Single(LoadErrors(Override(DocumentKind.WageNotice, DocumentFormat.Html, path, plugin.Path)));

        Assert.Contains("链接", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_that_outputs_too_much_fails_with_a_message_instead_of_being_cut()
    {
        using var plugin = new TempFolder();
        var path = plugin.Write("notice.html.sbn", "<article>{{ for i in 1..50000 }}<p>{{ employee.name }}填充内容填充内容</p>{{ end }}</article>");
        var options = DocumentRenderOptions.Default with { OutputLimit = 100_000 };
        var renderer = new DocumentRenderer(TemplateCatalog.Load([Override(DocumentKind.PostEquivalenceNotice, DocumentFormat.Html, path, plugin.Path)], options: options));

        var error = Assert.Throws<DocumentRenderException>(
            () => renderer.Render(DocumentKind.PostEquivalenceNotice, DocumentFormat.Html, DocumentSamples.PostEquivalence())).Error;

        Assert.Contains("文档内容超过上限（100,000个字符）", error.Message, StringComparison.Ordinal);
    }

    private static TemplateOverride Override(DocumentKind kind, DocumentFormat format, string path, string root) =>
        new(kind, format, path, Plugin, root);

    private static IReadOnlyList<TemplateError> LoadErrors(params TemplateOverride[] overrides) =>
        Assert.Throws<TemplateLoadException>(() => TemplateCatalog.Load(overrides)).Errors;
}
