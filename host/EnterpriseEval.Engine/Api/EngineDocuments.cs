using EnterpriseEval.Engine.Documents;
using EnterpriseEval.Sdk.Documents;

namespace EnterpriseEval.Engine;

/// <summary>
/// The document templates of a plug-in set, loaded and checked as <c>eeval notices</c> loads them (the SDK defaults,
/// replaced by the plug-ins' own, with their template functions), and rendered by the engine's Scriban renderer
/// (docs/plugin-authoring.md, templates).
/// </summary>
public sealed class EngineDocuments
{
    private readonly DocumentRenderer _renderer;

    private EngineDocuments(DocumentRenderer renderer) => _renderer = renderer;

    /// <summary>Loads and checks every template of the set, the defaults for the kinds no plug-in overrides.</summary>
    /// <param name="plugins">The plug-ins; null = the defaults only.</param>
    /// <returns>The loaded templates.</returns>
    /// <exception cref="EngineException">A template has a syntax error or names what its model lacks; the message gives
    /// file, line and column.</exception>
    public static EngineDocuments Load(EnginePlugins? plugins = null) => Load(plugins, null);

    /// <summary>Loads with render options (masking of 身份证号) as the host configures them.</summary>
    internal static EngineDocuments Load(EnginePlugins? plugins, DocumentRenderOptions? options)
    {
        try
        {
            return new(new DocumentRenderer((plugins?.Set ?? Plugins.PluginSet.Empty).LoadTemplates(options)));
        }
        catch (TemplateLoadException e)
        {
            throw new EngineException(e.Message, e);
        }
    }

    /// <summary>Renders one document of <paramref name="kind"/> for <paramref name="model"/>.</summary>
    /// <param name="kind">The document kind.</param>
    /// <param name="format">HTML (the notice's <c>&lt;article&gt;</c>) or Markdown.</param>
    /// <param name="model">The kind's model (<see cref="DocumentKinds.ModelType"/>).</param>
    /// <returns>The rendered text.</returns>
    /// <exception cref="EngineException">The template fails while rendering (a sandbox limit, a function that throws).</exception>
    public string Render(DocumentKind kind, DocumentFormat format, object model)
    {
        ArgumentNullException.ThrowIfNull(model);
        try
        {
            return _renderer.Render(kind, format, model);
        }
        catch (DocumentRenderException e)
        {
            throw new EngineException(e.Message, e);
        }
    }
}
