using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Testing.Tests.Support;

namespace EnterpriseEval.Sdk.Testing.Tests;

public sealed class TemplateTests
{
    [Fact]
    public void A_valid_override_loads_and_renders_with_the_firms_letterhead()
    {
        using var host = PluginTestHost.For<SamplePlugin>(KitPlugins.Folder(KitPlugins.Id));

        host.CheckTemplates();
        var html = host.RenderDocument(DocumentKind.PostEquivalenceNotice, DocumentFormat.Html);

        Assert.Contains("示例机械有限公司（示例信笺）", html, StringComparison.Ordinal);
        Assert.Contains("内部岗位等级T6", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_variable_the_model_lacks_fails_with_file_line_and_column()
    {
        using var host = PluginTestHost.For<BrokenTemplatePlugin>(KitPlugins.Folder("kit-broken-template"));

        var e = Assert.Throws<PluginAssertionException>(host.CheckTemplates);

        Assert.Contains("wage_notice.md.sbn 第5行第", e.Message, StringComparison.Ordinal);
        Assert.Contains("totl", e.Message, StringComparison.Ordinal);
    }
}
