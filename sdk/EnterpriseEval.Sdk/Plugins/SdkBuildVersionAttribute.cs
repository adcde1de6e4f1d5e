namespace EnterpriseEval.Sdk.Plugins;

/// <summary>
/// The version of the EnterpriseEval SDK a plug-in was compiled against. Never written by hand: the SDK's build files
/// (<c>build/EnterpriseEval.Sdk.targets</c> in the package) add it to every assembly that references the SDK, and the
/// host reads it from the plug-in's metadata, without running its code, before loading it
/// (docs/plugin-authoring.md "Versioning and compatibility").
/// </summary>
/// <param name="version">The SDK version, e.g. <c>1.0.0</c>.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false, Inherited = false)]
public sealed class SdkBuildVersionAttribute(string version) : Attribute
{
    /// <summary>The SDK version the assembly was compiled against, as the build stamped it.</summary>
    public string Version { get; } = version;
}
