namespace EnterpriseEval.Engine.Plugins;

/// <summary>
/// What a plug-in declares about itself in <c>plugin.json</c>, read and checked before any of its code runs.
/// <see cref="SdkVersion"/> may be absent from the file: the build fills it into the deployed copy from the SDK stamp,
/// and the loader then takes it from the stamp (docs/plugin-authoring.md, "Versioning and compatibility").
/// </summary>
internal sealed record PluginManifest(
    string Id,
    string Name,
    string Enterprise,
    Version Version,
    Version? SdkVersion,
    string AssemblyFile,
    string EntryType,
    ReviewAuthorisation? Authorisation)
{
    public const string FileName = "plugin.json";

    /// <summary>The employees the plug-in governs; null = every employee (docs/plugins.md, "Scope").</summary>
    public PluginScope? Scope { get; init; }
}
