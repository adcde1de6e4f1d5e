using EnterpriseEval.Engine.Documents;
using EnterpriseEval.Sdk.Documents;

namespace EnterpriseEval.Engine.Tests.Documents.PluginTemplates;

/// <summary>
/// The shipped plug-ins' letterhead templates, read from their source folders and loaded through the catalogue the
/// way the host loads a plug-in's overrides (strict check of every variable, includes from the plug-in's folder).
/// </summary>
public sealed class PluginTemplateTests
{
    public static TheoryData<string> Plugins() => [.. ShippedPlugin.All.Select(p => p.Id)];

    public static TheoryData<string, DocumentKind, DocumentFormat> EveryPluginTemplate()
    {
        var data = new TheoryData<string, DocumentKind, DocumentFormat>();
        foreach (var plugin in ShippedPlugin.All)
        {
            foreach (var o in plugin.Overrides())
            {
                data.Add(plugin.Id, o.Kind, o.Format);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void Plugin_templates_load_and_replace_the_defaults(string pluginId)
    {
        var plugin = Find(pluginId);

        var catalog = plugin.LoadCatalog();

        Assert.Contains(plugin.Overrides(), o => o.Kind == DocumentKind.PostEquivalenceNotice && o.Format == DocumentFormat.Html);
        Assert.Contains(plugin.Overrides(), o => o.Kind == DocumentKind.WageNotice && o.Format == DocumentFormat.Html);
        Assert.All(plugin.Overrides(), o => Assert.Equal(pluginId, catalog.Get(o.Kind, o.Format).Origin));
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void Plugin_templates_are_refused_without_the_plugins_functions(string pluginId)
    {
        var plugin = Find(pluginId);

        var errors = Assert.Throws<TemplateLoadException>(() => TemplateCatalog.Load(plugin.Overrides())).Errors;

        // The functions are what the extra sections call: without them the check at load names each call.
        Assert.All(errors, e => Assert.Contains($"变量“{pluginId.Split('-')[0]}_", e.Message, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(EveryPluginTemplate))]
    public void Plugin_template_renders_the_reviewed_document(string pluginId, DocumentKind kind, DocumentFormat format)
    {
        var plugin = Find(pluginId);
        var renderer = new DocumentRenderer(plugin.LoadCatalog());

        var rendered = renderer.Render(kind, format, PluginSamples.For(plugin, kind));

        GoldenFile.Verify($"{pluginId}.{kind.ToCode()}.{(format == DocumentFormat.Html ? "html" : "md")}", rendered);
    }

    private static ShippedPlugin Find(string id) => ShippedPlugin.All.Single(p => p.Id == id);
}
