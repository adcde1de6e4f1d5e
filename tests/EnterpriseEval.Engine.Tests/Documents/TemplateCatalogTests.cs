using EnterpriseEval.Engine.Documents;
using EnterpriseEval.Sdk.Documents;

namespace EnterpriseEval.Engine.Tests.Documents;

public sealed class TemplateCatalogTests
{
    private const string Plugin = "acme.letterhead";

    [Fact]
    public void Default_templates_all_load()
    {
        var catalog = TemplateCatalog.Load([]);

        Assert.Equal(TemplateCatalog.DefaultOrigin, catalog.Get(DocumentKind.WageNotice, DocumentFormat.Html).Origin);
    }

    [Fact]
    public void Template_naming_a_missing_variable_is_refused_at_load_with_file_line_and_column()
    {
        using var plugin = new TempFolder();
        var path = plugin.Write("notice.html.sbn", "<article>\n<h1>岗位比照通知书</h1>\n<p>{{ employee.name }}，{{ salary_band }}</p>\n</article>\n");

        var error = Assert.Single(LoadErrors(Override(DocumentKind.PostEquivalenceNotice, path, plugin.Path)));

        Assert.Equal((Plugin, path, 3, 27), (error.Origin, error.File, error.Line, error.Column));
        Assert.Contains("变量“salary_band”", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_naming_a_missing_member_is_refused_at_load()
    {
        using var plugin = new TempFolder();
        var path = plugin.Write("notice.html.sbn", "{{ for item in items }}{{ item.amout }}{{ end }}");

        var error = Assert.Single(LoadErrors(Override(DocumentKind.WageNotice, path, plugin.Path)));

        Assert.Equal((1, 32), (error.Line, error.Column));
        Assert.Contains("没有成员“amout”", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_reading_dotnet_members_beyond_the_model_is_refused_at_load()
    {
        using var plugin = new TempFolder();
        var path = plugin.Write("notice.html.sbn", "{{ issue.issued_on.day_of_week }}");

        var error = Assert.Single(LoadErrors(Override(DocumentKind.WageNotice, path, plugin.Path)));

        Assert.Contains("不能读取其成员“day_of_week”", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_with_a_syntax_error_is_refused_at_load_with_its_position()
    {
        using var plugin = new TempFolder();
        var path = plugin.Write("notice.md.sbn", "# 通知\n\n{{ if employee.name }}\n缺少结束\n");

        var errors = LoadErrors(new TemplateOverride(DocumentKind.WageNotice, DocumentFormat.Markdown, path, Plugin, plugin.Path));

        Assert.All(errors, e => Assert.StartsWith("语法错误", e.Message, StringComparison.Ordinal));
        Assert.Contains(errors, e => e.File == path && e.Line >= 3);
    }

    [Fact]
    public void Every_bad_template_is_reported_not_only_the_first()
    {
        using var plugin = new TempFolder();
        var wage = plugin.Write("wage.html.sbn", "{{ nope }}");
        var allowance = plugin.Write("allowance.html.sbn", "{{ employee.nope }}");

        var errors = LoadErrors(Override(DocumentKind.WageNotice, wage, plugin.Path), Override(DocumentKind.AllowanceNotice, allowance, plugin.Path));

        Assert.Equal([wage, allowance], errors.Select(e => e.File));
    }

    [Fact]
    public void Variables_the_template_assigns_and_loop_variables_are_accepted()
    {
        using var plugin = new TempFolder();
        var path = plugin.Write(
            "notice.html.sbn",
            "{{ n = array.size items }}{{ for item in items }}{{ for.index }}{{ item.name }}{{ end }}{{ func twice(x); ret x * 2; end }}{{ twice n }}");

        var catalog = TemplateCatalog.Load([Override(DocumentKind.WageNotice, path, plugin.Path)]);

        Assert.Equal(Plugin, catalog.Get(DocumentKind.WageNotice, DocumentFormat.Html).Origin);
    }

    [Fact]
    public void Template_setting_a_member_of_a_shared_object_is_refused_at_load()
    {
        using var plugin = new TempFolder();
        var path = plugin.Write("notice.html.sbn", "{{ d = date }}{{ d.format = '%Y' }}");

        var error = Assert.Single(LoadErrors(Override(DocumentKind.WageNotice, path, plugin.Path)));

        Assert.Equal((1, 18), (error.Line, error.Column));
        Assert.StartsWith("模板只能给自己的变量赋值", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_override_file_is_a_load_error()
    {
        using var plugin = new TempFolder();
        var missing = Path.Combine(plugin.Path, "missing.html.sbn");

        var error = Assert.Single(LoadErrors(Override(DocumentKind.WageNotice, missing, plugin.Path)));

        Assert.StartsWith("无法读取模板文件", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_overrides_of_the_same_kind_and_format_are_a_load_error()
    {
        using var plugin = new TempFolder();
        var path = plugin.Write("notice.html.sbn", "{{ reason }}");

        var error = Assert.Single(LoadErrors(Override(DocumentKind.WageNotice, path, plugin.Path), Override(DocumentKind.WageNotice, path, plugin.Path)));

        Assert.Contains("不能重复替换", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Function_that_shadows_a_model_variable_is_refused()
    {
        var functions = new Dictionary<string, Delegate> { ["employee"] = (Func<string>)(() => "x") };

        var exception = Assert.Throws<TemplateLoadException>(() => TemplateCatalog.Load([], functions));

        Assert.Contains("重名", Assert.Single(exception.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_error_message_is_chinese_and_names_every_location()
    {
        using var plugin = new TempFolder();
        var path = plugin.Write("notice.html.sbn", "{{ nope }}");

        var exception = Assert.Throws<TemplateLoadException>(() => TemplateCatalog.Load([Override(DocumentKind.WageNotice, path, plugin.Path)]));

        Assert.StartsWith("文档模板加载失败，共1处错误", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"{Plugin}：{path} 第1行第4列", exception.Message, StringComparison.Ordinal);
    }

    internal static TemplateOverride Override(DocumentKind kind, string path, string root) =>
        new(kind, DocumentFormat.Html, path, Plugin, root);

    private static IReadOnlyList<TemplateError> LoadErrors(params TemplateOverride[] overrides) =>
        Assert.Throws<TemplateLoadException>(() => TemplateCatalog.Load(overrides)).Errors;
}
