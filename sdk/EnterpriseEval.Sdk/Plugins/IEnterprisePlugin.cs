namespace EnterpriseEval.Sdk.Plugins;

/// <summary>
/// The entry point of a plug-in: a public class with a public parameterless constructor, named in the plug-in's
/// <c>plugin.json</c> (<c>entryType</c>). What the plug-in <em>is</em> (id, version, SDK version, review authorisation)
/// is declared as data in <c>plugin.json</c> and checked before any of its code runs; this type only says what it
/// <em>contributes</em>.
/// </summary>
public interface IEnterprisePlugin
{
    /// <summary>
    /// Declares the plug-in's contributions. Called once per load, inside the host, before any screening.
    /// Throwing here refuses the plug-in (the others still load).
    /// </summary>
    /// <param name="builder">Collects criteria, scoring, tables, templates and services.</param>
    void Configure(IPluginBuilder builder);
}
