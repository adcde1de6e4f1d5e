using EnterpriseEval.Engine.Documents;
using EnterpriseEval.Sdk.Documents;
using Scriban.Syntax;

namespace EnterpriseEval.Engine.Tests.Documents;

public sealed class DocumentRendererTests
{
    private static readonly DocumentRenderer Defaults = new(TemplateCatalog.Load([]));

    [Fact]
    public void Name_containing_a_script_tag_is_escaped_in_html()
    {
        var person = DocumentSamples.Person with { Name = "<script>alert('x')</script>" };

        var html = Defaults.Render(DocumentKind.PostEquivalenceNotice, DocumentFormat.Html, DocumentSamples.PostEquivalence(person));

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;同志：", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_special_characters_in_values_are_escaped()
    {
        var person = DocumentSamples.Person with { Name = "*张|伟*", Department = "<b>机加工</b>" };

        var markdown = Defaults.Render(DocumentKind.PostEquivalenceNotice, DocumentFormat.Markdown, DocumentSamples.PostEquivalence(person));

        Assert.Contains(@"| 姓名 | \*张\|伟\* |", markdown, StringComparison.Ordinal);
        Assert.Contains(@"| 部门 | \<b\>机加工\</b\> |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Identity_number_is_masked_by_default()
    {
        var html = Defaults.Render(DocumentKind.PostEquivalenceNotice, DocumentFormat.Html, DocumentSamples.PostEquivalence());

        Assert.Contains(DocumentSamples.MaskedIdNumber, html, StringComparison.Ordinal);
        Assert.DoesNotContain(DocumentSamples.RawIdNumber, html, StringComparison.Ordinal);
    }

    [Fact]
    public void Identity_number_is_masked_however_a_template_reads_it()
    {
        using var plugin = new TempFolder();
        var path = plugin.Write("n.html.sbn", "{{ employee[\"id_number\"] }} {{ x = employee; x.id_number }}");
        var renderer = new DocumentRenderer(TemplateCatalog.Load([TemplateCatalogTests.Override(DocumentKind.PostEquivalenceNotice, path, plugin.Path)]));

        var html = renderer.Render(DocumentKind.PostEquivalenceNotice, DocumentFormat.Html, DocumentSamples.PostEquivalence());

        Assert.Equal($"{DocumentSamples.MaskedIdNumber} {DocumentSamples.MaskedIdNumber}", html);
    }

    [Fact]
    public void Identity_number_is_printed_in_full_when_configured_not_to_mask()
    {
        var renderer = new DocumentRenderer(TemplateCatalog.Load([], options: DocumentRenderOptions.Default with { MaskIdentityNumbers = false }));

        var html = renderer.Render(DocumentKind.PostEquivalenceNotice, DocumentFormat.Html, DocumentSamples.PostEquivalence());

        Assert.Contains(DocumentSamples.RawIdNumber, html, StringComparison.Ordinal);
    }

    [Fact]
    public void Infinite_loop_is_stopped_by_the_loop_limit()
    {
        var renderer = WithOverride("<p>{{ while true }}x{{ end }}</p>");

        var error = Assert.Throws<DocumentRenderException>(
            () => renderer.Render(DocumentKind.WageNotice, DocumentFormat.Html, DocumentSamples.Wage)).Error;

        Assert.Contains("循环次数超过上限", error.Message, StringComparison.Ordinal);
        Assert.Equal((1, 7), (error.Line, error.Column));
    }

    [Fact]
    public void Endless_recursion_is_stopped_by_the_recursion_limit()
    {
        var renderer = WithOverride("{{ func down(n); ret down(n + 1); end }}{{ down 0 }}");

        var error = Assert.Throws<DocumentRenderException>(
            () => renderer.Render(DocumentKind.WageNotice, DocumentFormat.Html, DocumentSamples.Wage)).Error;

        Assert.Contains("嵌套超过上限", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_outside_the_plugin_folder_is_refused_at_load()
    {
        using var plugin = new TempFolder();
        var path = plugin.Write("wage.html.sbn", "<p>\n{{ include '../secret.sbn' }}</p>");

        var error = Assert.Single(Assert.Throws<TemplateLoadException>(
            () => TemplateCatalog.Load([TemplateCatalogTests.Override(DocumentKind.WageNotice, path, plugin.Path)])).Errors);

        Assert.Equal((path, 2, 4), (error.File, error.Line, error.Column));
        Assert.Contains("不允许 include 插件目录以外的文件", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_with_a_computed_file_name_is_refused_at_load()
    {
        using var plugin = new TempFolder();
        var path = plugin.Write("wage.html.sbn", "{{ name = '../secret.sbn' }}{{ include name }}");

        var error = Assert.Single(Assert.Throws<TemplateLoadException>(
            () => TemplateCatalog.Load([TemplateCatalogTests.Override(DocumentKind.WageNotice, path, plugin.Path)])).Errors);

        Assert.StartsWith("include 的文件名必须写成字符串常量", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_loader_refuses_paths_outside_its_folder()
    {
        using var plugin = new TempFolder();

        var refused = Assert.Throws<ScriptRuntimeException>(() => new IncludeLoader(plugin.Path).GetPath(null!, default, "../../etc/passwd"));

        Assert.Contains("不允许 include 插件目录以外的文件", refused.OriginalMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Included_file_naming_a_missing_variable_is_refused_at_load_with_its_own_position()
    {
        using var plugin = new TempFolder();
        var part = plugin.Write("parts/row.sbn", "<td>{{ item.name }}</td>\n<td>{{ item.rate }}</td>");
        var path = plugin.Write("wage.html.sbn", "{{ for item in items }}{{ include 'parts/row.sbn' }}{{ end }}");

        var error = Assert.Single(Assert.Throws<TemplateLoadException>(
            () => TemplateCatalog.Load([TemplateCatalogTests.Override(DocumentKind.WageNotice, path, plugin.Path)])).Errors);

        Assert.Equal((part, 2, 13), (error.File, error.Line, error.Column));
        Assert.Contains("没有成员“rate”", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_inside_the_plugin_folder_prints_its_markup_and_escapes_its_values()
    {
        using var plugin = new TempFolder();
        plugin.Write("parts/letterhead.sbn", "<header class=\"acme\">{{ issue.enterprise }}</header>");
        var path = plugin.Write("wage.html.sbn", "{{ include 'parts/letterhead.sbn' }}<p>{{ reason }}</p>");
        var renderer = new DocumentRenderer(TemplateCatalog.Load([TemplateCatalogTests.Override(DocumentKind.WageNotice, path, plugin.Path)]));
        var model = DocumentSamples.Wage with { Issue = DocumentSamples.Issue with { Enterprise = "A&B 公司" } };

        var html = renderer.Render(DocumentKind.WageNotice, DocumentFormat.Html, model);

        Assert.StartsWith("<header class=\"acme\">A&amp;B 公司</header><p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Limit_hit_inside_an_included_file_is_located_in_that_file()
    {
        using var plugin = new TempFolder();
        var part = plugin.Write("parts/spin.sbn", "\n  {{ while true }}x{{ end }}");
        var path = plugin.Write("wage.html.sbn", "{{ include 'parts/spin.sbn' }}");
        var renderer = new DocumentRenderer(TemplateCatalog.Load([TemplateCatalogTests.Override(DocumentKind.WageNotice, path, plugin.Path)]));

        var error = Assert.Throws<DocumentRenderException>(
            () => renderer.Render(DocumentKind.WageNotice, DocumentFormat.Html, DocumentSamples.Wage)).Error;

        Assert.Equal((part, 2, 6), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Default_templates_may_not_include_files()
    {
        var refused = Assert.Throws<ScriptRuntimeException>(() => new IncludeLoader(null).GetPath(null!, default, "x.sbn"));

        Assert.Contains("此模板不允许 include", refused.OriginalMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Plugin_function_is_callable_and_its_result_escaped()
    {
        using var plugin = new TempFolder();
        var path = plugin.Write("wage.html.sbn", "{{ grade_label employee.employee_id }}");
        var functions = new Dictionary<string, Delegate> { ["grade_label"] = (Func<string, string>)(id => $"<{id}>") };
        var renderer = new DocumentRenderer(TemplateCatalog.Load([TemplateCatalogTests.Override(DocumentKind.WageNotice, path, plugin.Path)], functions));

        var html = renderer.Render(DocumentKind.WageNotice, DocumentFormat.Html, DocumentSamples.Wage);

        Assert.Equal("&lt;HD0042&gt;", html);
    }

    [Fact]
    public void Amounts_dates_and_levels_print_the_way_a_notice_writes_them()
    {
        var renderer = WithOverride("{{ total }}|{{ items[0].starts_on }}|{{ capital_amount total }}|{{ format_amount 12 }}");

        var html = renderer.Render(DocumentKind.WageNotice, DocumentFormat.Html, DocumentSamples.Wage);

        Assert.Equal("4,652.30|2026年12月1日|肆仟陆佰伍拾贰元叁角|12.00", html);
    }

    [Fact]
    public void Variables_a_template_assigns_do_not_reach_the_next_document()
    {
        var renderer = WithOverride("{{ reason = reason + '！' }}{{ reason }}");

        var first = renderer.Render(DocumentKind.WageNotice, DocumentFormat.Html, DocumentSamples.Wage with { Reason = "甲" });
        var second = renderer.Render(DocumentKind.WageNotice, DocumentFormat.Html, DocumentSamples.Wage with { Reason = "乙" });

        Assert.Equal(("甲！", "乙！"), (first, second));
    }

    [Fact]
    public void Renderer_still_works_after_a_document_hit_a_limit()
    {
        var renderer = WithOverride("{{ if reason == 'loop' }}{{ while true }}x{{ end }}{{ end }}{{ reason }}");
        Assert.Throws<DocumentRenderException>(
            () => renderer.Render(DocumentKind.WageNotice, DocumentFormat.Html, DocumentSamples.Wage with { Reason = "loop" }));

        var html = renderer.Render(DocumentKind.WageNotice, DocumentFormat.Html, DocumentSamples.Wage);

        Assert.Equal(DocumentSamples.Wage.Reason, html);
    }

    [Fact]
    public void Model_of_another_kind_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Defaults.Render(DocumentKind.WageNotice, DocumentFormat.Html, DocumentSamples.Publicity));
    }

    private static DocumentRenderer WithOverride(string template)
    {
        var plugin = new TempFolder();
        var path = plugin.Write("wage.html.sbn", template);

        // Parsed at load: the file is no longer needed once the catalogue exists.
        var catalog = TemplateCatalog.Load([TemplateCatalogTests.Override(DocumentKind.WageNotice, path, plugin.Path)]);
        plugin.Dispose();
        return new DocumentRenderer(catalog);
    }
}
