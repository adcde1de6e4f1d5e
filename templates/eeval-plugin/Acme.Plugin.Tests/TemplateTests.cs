using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Testing;

namespace Acme.Plugin.Tests;

public sealed class TemplateTests
{
    [Fact]
    public void Every_template_loads_and_renders_against_sample_models()
    {
        using var host = PluginTestHost.For<AcmePlugin>();

        // Fails with file, line and column on a syntax error or a variable the model lacks.
        host.CheckTemplates();
    }

    [Fact]
    public void The_post_equivalence_notice_carries_the_letterhead()
    {
        using var host = PluginTestHost.For<AcmePlugin>();

        var html = host.RenderDocument(DocumentKind.PostEquivalenceNotice, DocumentFormat.Html);

        Assert.Contains("acme-letterhead", html, StringComparison.Ordinal);
        Assert.Contains("人力资源部", html, StringComparison.Ordinal);
    }
}
