using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Sdk.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Engine;

/// <summary>
/// A loaded set of plug-ins for runs (docs/plugins.md): those loaded, each in its own load context, and those refused
/// with the reason. Dispose it when the runs are done: plug-ins loaded from a folder are then unloaded.
/// </summary>
public sealed class EnginePlugins : IDisposable
{
    internal EnginePlugins(PluginSet set) => Set = set;

    /// <summary>No plug-ins: statutory rules only.</summary>
    public static EnginePlugins None { get; } = new(PluginSet.Empty);

    /// <summary>Plug-ins loaded, as <c>id version（enterprise）</c>.</summary>
    public IReadOnlyList<string> Loaded => [.. Set.Loaded.Select(p => $"{p.Manifest.Id} {p.Manifest.Version}（{p.Manifest.Enterprise}）")];

    /// <summary>Plug-ins refused, one Chinese line each naming the plug-in and the reason.</summary>
    public IReadOnlyList<string> Refused => [.. Set.Refused.Select(e => e.Message)];

    /// <summary>
    /// Every loaded plug-in as <c>id@version#sha256</c>, <c>;</c> separated. Each decision records those of them that
    /// govern its employee (their scope, docs/plugins.md "Scope"): all of them when no plug-in declares a scope.
    /// </summary>
    public string Provenance => Set.Provenance;

    /// <summary>The set the engine runs.</summary>
    internal PluginSet Set { get; }

    /// <summary>
    /// Loads the plug-ins of a folder the way <c>eeval --plugins</c> does: one per sub-folder, or just one when the
    /// folder itself holds a <c>plugin.json</c>; each in its own load context. A plug-in that cannot work here is
    /// refused (<see cref="Refused"/>) and the others still load.
    /// </summary>
    /// <param name="folder">The plug-ins folder.</param>
    /// <param name="configuration">Host configuration: plug-in options under <c>Plugins:&lt;id&gt;</c>, the policy floor
    /// under <c>EnterpriseEval:Policy</c>; none = empty.</param>
    /// <param name="manifestAuthorises">For a plug-in author's tests: when the configuration sets no review authorisation
    /// (<c>EnterpriseEval:Authorisation</c>, docs/plugins.md "Review authorisation"), the first manifest's stands for the
    /// enterprise's and the others still narrow it. A host leaves it false: a manifest alone authorises nothing.</param>
    /// <returns>The loaded set.</returns>
    /// <exception cref="EngineException">The folder does not exist.</exception>
    public static EnginePlugins LoadFolder(string folder, IConfiguration? configuration = null, bool manifestAuthorises = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var catalog = new PluginCatalog(configuration ?? new ConfigurationBuilder().Build(), Options.Create(new PluginsOptions()));
        var set = catalog.Load(folder);
        return manifestAuthorises && set.HostAuthorisation is null && set.Authorisations.Count > 0
            ? new(new PluginSet(set.Loaded, set.Refused, set.Authorisations[0]))
            : new(set);
    }

    /// <summary>
    /// Composes a plug-in the caller references, in-process (no load context, so breakpoints in it work), from the
    /// <c>plugin.json</c> of <paramref name="pluginFolder"/>. The manifest is checked as a load checks it (fields, SDK
    /// and Microsoft.Extensions versions) and against <typeparamref name="TPlugin"/>: its <c>entryType</c> and
    /// <c>assembly</c> must name it. This is the author's in-process test: when the configuration sets no review
    /// authorisation (<c>EnterpriseEval:Authorisation</c>), the manifest's stands for the enterprise's.
    /// </summary>
    /// <typeparam name="TPlugin">The plug-in's entry type.</typeparam>
    /// <param name="pluginFolder">The folder with <c>plugin.json</c> and the plug-in's templates.</param>
    /// <param name="configuration">Host configuration (see <see cref="LoadFolder"/>).</param>
    /// <returns>A set of that one plug-in.</returns>
    /// <exception cref="EngineException">The manifest is missing or wrong, or a load would refuse the plug-in.</exception>
    public static EnginePlugins Compose<TPlugin>(string pluginFolder, IConfiguration? configuration = null)
        where TPlugin : IEnterprisePlugin, new()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginFolder);
        var assemblyPath = typeof(TPlugin).Assembly.Location;
        var folder = Path.GetFullPath(pluginFolder);
        try
        {
            var manifest = PluginManifestReader.Read(folder);
            if (manifest.EntryType != typeof(TPlugin).FullName)
            {
                throw new EngineException(
                    $"{PluginManifest.FileName} 中 entryType 为 {manifest.EntryType}，而插件类型为 {typeof(TPlugin).FullName}，主机将无法加载该插件");
            }

            if (!string.Equals(manifest.AssemblyFile, Path.GetFileName(assemblyPath), StringComparison.OrdinalIgnoreCase))
            {
                throw new EngineException(
                    $"{PluginManifest.FileName} 中 assembly 为 {manifest.AssemblyFile}，而插件程序集为 {Path.GetFileName(assemblyPath)}，主机将无法加载该插件");
            }

            manifest = PluginCompatibility.Check(manifest, assemblyPath);
            var host = configuration ?? new ConfigurationBuilder().Build();
            var composition = PluginCatalog.Compose(manifest, folder, new TPlugin(), host);
            var plugin = new LoadedPlugin(manifest, folder, assemblyPath, PluginLock.Sha256(assemblyPath), loadContext: null, composition);
            return new(new PluginSet([plugin], [], HostAuthorisation.Read(host) ?? manifest.Authorisation));
        }
        catch (PluginLoadException e)
        {
            throw new EngineException(e.Message, e);
        }
    }

    /// <summary>
    /// The checks of <c>eeval plugins validate</c> (docs/plugins.md, "Checking before deploying"): every refusal, then
    /// for each loaded plug-in a coherent review authorisation, criteria with unique ids and citations, each criterion
    /// once on a sample of every path it applies to and its pay tables on a sample employee, each within
    /// <paramref name="criterionTimeout"/>; then every template of the set as a run loads it (syntax and model, with file,
    /// line and column) and every document template two plug-ins both replace.
    /// </summary>
    /// <param name="criterionTimeout">How long one criterion or pay-table call may take on one sample.</param>
    /// <returns>The problems found (Chinese), none when the set is sound.</returns>
    public IReadOnlyList<string> Validate(TimeSpan criterionTimeout) =>
        [.. Refused, .. Set.Loaded.SelectMany(p => PluginSelfCheck.Problems(p, criterionTimeout)), .. PluginSelfCheck.TemplateProblems(Set.Loaded)];

    /// <summary>Disposes the plug-ins' services and unloads the plug-ins loaded from a folder.</summary>
    public void Dispose()
    {
        if (!ReferenceEquals(this, None))
        {
            Set.Dispose();
        }
    }
}
