namespace EnterpriseEval.Engine.Plugins;

/// <summary>
/// A plug-in with its manifest, provenance and contributions: loaded into its own load context by the catalog, or
/// composed in-process by the test kit (no load context to unload then).
/// </summary>
internal sealed class LoadedPlugin(PluginManifest manifest, string folder, string assemblyPath, string sha256, IDisposable? loadContext, PluginComposition composition)
    : IDisposable
{
    public PluginManifest Manifest { get; } = manifest;

    public string Folder { get; } = folder;

    public string AssemblyPath { get; } = assemblyPath;

    /// <summary>SHA-256 of the plug-in's main assembly, recorded with every decision.</summary>
    public string Sha256 { get; } = sha256;

    public PluginComposition Composition { get; } = composition;

    /// <summary>
    /// Every file of the plug-in's folder when it was loaded, with its SHA-256, by path relative to the folder (sorted):
    /// what <c>plugins.lock</c> checks and a review batch records (docs/plugins.md). Empty for a plug-in composed in-process.
    /// </summary>
    public IReadOnlyList<(string Path, string Sha256)> Files { get; init; } = [];

    /// <summary>The plug-in's number for <see cref="PluginCallMarker"/>: calls into its code are marked with it.</summary>
    public int Marker { get; } = PluginCallMarker.Register(manifest.Id);

    /// <summary><c>id@version#sha256</c>: what a decision records of the plug-in.</summary>
    public string Provenance => $"{Manifest.Id}@{Manifest.Version}#{Sha256}";

    public void Dispose()
    {
        // The plug-in's services' Dispose is its code: in a worker it runs under a time limit (docs/plugins.md,
        // "Process isolation"); a Dispose that never returns ends the worker, naming the plug-in.
        PluginCallMarker.Bounded(Marker, "Dispose", Composition.Services.Dispose);
        loadContext?.Dispose();
    }
}
