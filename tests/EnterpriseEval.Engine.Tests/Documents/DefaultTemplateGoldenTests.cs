using EnterpriseEval.Engine.Documents;
using EnterpriseEval.Sdk.Documents;

namespace EnterpriseEval.Engine.Tests.Documents;

public sealed class DefaultTemplateGoldenTests
{
    public static TheoryData<DocumentKind, DocumentFormat> EveryKindAndFormat()
    {
        var data = new TheoryData<DocumentKind, DocumentFormat>();
        foreach (var kind in DocumentKinds.All)
        {
            data.Add(kind, DocumentFormat.Html);
            data.Add(kind, DocumentFormat.Markdown);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryKindAndFormat))]
    public void Default_template_renders_the_reviewed_document(DocumentKind kind, DocumentFormat format)
    {
        var renderer = new DocumentRenderer(TemplateCatalog.Load([]));

        var rendered = renderer.Render(kind, format, DocumentSamples.For(kind));

        GoldenFile.Verify($"{kind.ToCode()}.{(format == DocumentFormat.Html ? "html" : "md")}", rendered);
    }

    [Fact]
    public void Printed_page_wraps_the_notice_in_the_A4_shell()
    {
        var renderer = new DocumentRenderer(TemplateCatalog.Load([]));
        var notice = renderer.Render(DocumentKind.PostEquivalenceNotice, DocumentFormat.Html, DocumentSamples.PostEquivalence());
        using var page = new StringWriter();

        HtmlPage.Write(page, "岗位比照通知书（张伟）", [notice]);

        GoldenFile.Verify("post_equivalence_notice.page.html", page.ToString());
    }
}
