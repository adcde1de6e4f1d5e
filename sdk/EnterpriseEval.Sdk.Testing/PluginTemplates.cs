using EnterpriseEval.Engine;
using EnterpriseEval.Sdk.Documents;

namespace EnterpriseEval.Sdk.Testing;

/// <summary>
/// The plug-ins' templates loaded through the engine (<see cref="EngineDocuments"/>), which checks them as strictly as
/// the host does (syntax, variables the model lacks, includes), and rendered by the engine's renderer.
/// </summary>
internal sealed class PluginTemplates
{
    private readonly EngineDocuments _documents;

    private PluginTemplates(EngineDocuments documents) => _documents = documents;

    /// <summary>Loads and checks every template of every plug-in in the set, defaults for the kinds they leave alone.</summary>
    /// <exception cref="PluginAssertionException">A template does not load; the message lists file, line and column.</exception>
    public static PluginTemplates Load(EnginePlugins plugins)
    {
        try
        {
            return new(EngineDocuments.Load(plugins));
        }
        catch (EngineException e)
        {
            throw new PluginAssertionException(
                $"{e.Message}{Environment.NewLine}The plug-in's templates do not load in the host (file, line and column above).", e);
        }
    }

    /// <summary>Renders one document; <paramref name="model"/> null = the kind's sample model.</summary>
    /// <exception cref="PluginAssertionException">The template fails while rendering (a sandbox limit, a function that throws).</exception>
    public string Render(DocumentKind kind, DocumentFormat format, object? model)
    {
        try
        {
            return _documents.Render(kind, format, model ?? SampleDocuments.For(kind));
        }
        catch (EngineException e)
        {
            throw new PluginAssertionException($"{e.Message}{Environment.NewLine}The template failed while rendering.", e);
        }
    }

    /// <summary>Renders every kind in every format against its sample model.</summary>
    public void RenderAll()
    {
        foreach (var kind in DocumentKinds.All)
        {
            foreach (var format in Enum.GetValues<DocumentFormat>())
            {
                Render(kind, format, null);
            }
        }
    }
}
