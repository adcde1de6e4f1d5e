using System.Reflection;

namespace EnterpriseEval.Sdk;

/// <summary>The version of this SDK, which plug-ins declare as <c>sdkVersion</c> in <c>plugin.json</c>.</summary>
public static class SdkInfo
{
    /// <summary>The SDK's version (semantic: a plug-in built for x.y runs on any host with SDK x.z, z ≥ y).</summary>
    public static Version Version { get; } = ReadVersion();

    private static Version ReadVersion()
    {
        var informational = typeof(SdkInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var core = informational.Split('+', '-')[0];
        return Version.TryParse(core, out var v) ? v : new Version(0, 0, 0);
    }
}
