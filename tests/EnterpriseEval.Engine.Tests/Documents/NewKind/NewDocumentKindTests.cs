using EnterpriseEval.Engine.Documents;
using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Sdk.Documents;
using Microsoft.Extensions.Configuration;

namespace EnterpriseEval.Engine.Tests.Documents.NewKind;

/// <summary>
/// A document kind added as docs/documents.md describes — a descriptor, a model and two templates in this folder,
/// nothing edited anywhere else — is found by the registry, checked, rendered in both formats, replaced by a
/// plug-in's template named by its code, and written with its addressee in the file names (issue 13).
/// </summary>
public sealed class NewDocumentKindTests
{
    private static readonly DocumentKind Kind = new("title_appointment_notice");

    // The same mechanism as the SDK's kinds: reflection over the descriptor types of the assemblies given.
    private static readonly DocumentKindRegistry Kinds =
        DocumentKindRegistry.FromAssemblies(typeof(DocumentKind).Assembly, typeof(TitleAppointmentNoticeKind).Assembly);

    [Fact]
    public void The_registry_finds_the_new_kind_beside_the_shipped_ones()
    {
        var descriptor = Kinds.Find(Kind);

        Assert.Equal("职称聘任通知书", descriptor.ChineseName);
        Assert.Equal(typeof(TitleAppointmentNotice), descriptor.ModelType);
        Assert.Equal([.. DocumentKinds.All, Kind], Kinds.Kinds);
        Assert.True(Kinds.TryParse("职称聘任通知书", out var parsed));
        Assert.Equal(Kind, parsed);
        // The SDK's own registry is not widened by a test assembly.
        Assert.DoesNotContain(Kind, DocumentKinds.All);
    }

    [Theory]
    [InlineData(DocumentFormat.Html)]
    [InlineData(DocumentFormat.Markdown)]
    public void The_default_templates_render_the_sample_with_the_letterhead_and_the_identity_number_masked(DocumentFormat format)
    {
        var renderer = new DocumentRenderer(TemplateCatalog.Load([], kinds: Kinds));

        var text = renderer.Render(Kind, format, Kinds.Find(Kind).SampleModel);

        Assert.Contains("江西洪都精工集团有限公司", text, StringComparison.Ordinal);
        Assert.Contains("洪精人〔2027〕聘1号", text, StringComparison.Ordinal);
        Assert.Contains("决定聘任您为机械工程师（中级），聘期自2027年2月1日起", text, StringComparison.Ordinal);
        // Markdown escapes the mask's asterisks, so they print as asterisks.
        Assert.Contains(format == DocumentFormat.Html ? DocumentSamples.MaskedIdNumber : @"360102\*\*\*\*\*\*\*\*1234", text, StringComparison.Ordinal);
        Assert.DoesNotContain(DocumentSamples.RawIdNumber, text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plugin_replaces_the_new_kind_in_both_formats_by_its_code()
    {
        using var plugin = new TempFolder();
        plugin.Write("Templates/_letterhead.html.sbn", "<header class=\"letterhead\"><div class=\"issuer\">{{ issue.enterprise }}（红头）</div><div class=\"doc-number\">{{ issue.document_number }}</div></header>");
        plugin.Write("Templates/title_appointment_notice.html.sbn", "<article class=\"notice\">\n{{ include \"Templates/_letterhead.html.sbn\" }}\n<p>{{ employee.name }}：聘任为{{ post }}（{{ title_level }}）。身份证号 {{ employee.id_number }}</p>\n</article>\n");
        plugin.Write("Templates/title_appointment_notice.md.sbn", "**{{ issue.enterprise }}（红头）** {{ issue.document_number }}\n\n{{ employee.name }}：聘任为{{ post }}（{{ title_level }}）\n");
        var builder = new PluginBuilder("acme-test", plugin.Path, new ConfigurationBuilder().Build());
        builder
            .UseTemplate(Kind, DocumentFormat.Html, "Templates/title_appointment_notice.html.sbn")
            .UseTemplate(Kind, DocumentFormat.Markdown, "Templates/title_appointment_notice.md.sbn");
        var composition = builder.Compose();
        using var services = composition.Services;
        var renderer = new DocumentRenderer(TemplateCatalog.Load(composition.Templates, composition.TemplateFunctions, kinds: Kinds));
        var model = (TitleAppointmentNotice)Kinds.Find(Kind).SampleModel;

        var html = renderer.Render(Kind, DocumentFormat.Html, model with { Post = "<b>机械工程师</b>" });
        var markdown = renderer.Render(Kind, DocumentFormat.Markdown, model);

        Assert.Contains("<div class=\"issuer\">江西洪都精工集团有限公司（红头）</div>", html, StringComparison.Ordinal);
        Assert.Contains("张伟：聘任为&lt;b&gt;机械工程师&lt;/b&gt;（中级）。身份证号 " + DocumentSamples.MaskedIdNumber, html, StringComparison.Ordinal);
        Assert.Equal("**江西洪都精工集团有限公司（红头）** 洪精人〔2027〕聘1号\n\n张伟：聘任为机械工程师（中级）\n", markdown);
    }

    [Fact]
    public void A_template_of_the_new_kind_is_checked_against_its_model_at_load()
    {
        using var plugin = new TempFolder();
        var path = plugin.Write("t.html.sbn", "<p>{{ employee.name }} {{ salary }}</p>");

        var error = Assert.Single(Assert.Throws<TemplateLoadException>(
            () => TemplateCatalog.Load([new TemplateOverride(Kind, DocumentFormat.Html, path, "acme-test", plugin.Path)], kinds: Kinds)).Errors);

        Assert.Equal("变量“salary”在职称聘任通知书的文档模型（TitleAppointmentNotice）中不存在", error.Message);
    }

    [Fact]
    public void A_kind_no_descriptor_declares_is_refused_at_load()
    {
        using var plugin = new TempFolder();
        var path = plugin.Write("t.html.sbn", "<p>{{ employee.name }}</p>");

        var error = Assert.Single(Assert.Throws<TemplateLoadException>(
            () => TemplateCatalog.Load([new TemplateOverride(Kind, DocumentFormat.Html, path, "acme-test", plugin.Path)])).Errors);

        Assert.StartsWith("文书种类“title_appointment_notice”不存在", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_writer_names_files_by_the_code_and_the_addressee_and_titles_the_batch_in_chinese()
    {
        using var output = new TempFolder();
        var writer = new DocumentWriter(new DocumentRenderer(TemplateCatalog.Load([], kinds: Kinds)));

        var files = writer.Write(Kind, [Kinds.Find(Kind).SampleModel], DocumentFormat.Html, output.Path);

        Assert.Equal(["title_appointment_notice_0001_HD0042.html", "title_appointment_notice_batch.html"], files.Select(Path.GetFileName));
        Assert.Contains("<title>职称聘任通知书（批量打印，共1份）</title>", File.ReadAllText(files[1]), StringComparison.Ordinal);
    }
}
