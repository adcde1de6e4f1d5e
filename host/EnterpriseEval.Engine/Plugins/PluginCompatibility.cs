using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;
using EnterpriseEval.Sdk;

namespace EnterpriseEval.Engine.Plugins;

/// <summary>
/// Checks, from metadata only (no plug-in code runs), that a plug-in was built against contracts this host can share
/// with it. A plug-in compiled against a newer SDK or Microsoft.Extensions assembly than the host has would silently
/// get its own copy in its load context, and type identity would break later (<c>IsAssignableFrom</c> false,
/// <c>TypeLoadException</c>); refusing it at load with a clear message is kinder.
/// </summary>
internal static class PluginCompatibility
{
    private const string SdkAssemblyName = "EnterpriseEval.Sdk";

    public static void Check(PluginManifest manifest, string assemblyPath)
    {
        var host = SdkInfo.Version;
        if (manifest.SdkVersion.Major != host.Major || manifest.SdkVersion > host)
        {
            throw new PluginLoadException(
                manifest.Id,
                $"插件基于 SDK {manifest.SdkVersion} 构建，本系统 SDK 为 {host}（须主版本相同且不高于本系统）；请用本系统的 SDK 版本重新编译插件");
        }

        foreach (var (name, version) in References(manifest.Id, assemblyPath))
        {
            if (name != SdkAssemblyName && !name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal))
            {
                continue;
            }

            var hostVersion = HostVersionOf(name);
            if (name == SdkAssemblyName && version.Major != typeof(SdkInfo).Assembly.GetName().Version!.Major)
            {
                throw new PluginLoadException(manifest.Id, $"插件引用 {name} {version}，与本系统 SDK 主版本不一致");
            }

            if (hostVersion is not null && version > hostVersion)
            {
                throw new PluginLoadException(
                    manifest.Id,
                    $"插件引用 {name} {version}，高于本系统的 {hostVersion}；请将该包降到本系统的版本后重新编译插件");
            }
        }
    }

    private static List<(string Name, Version Version)> References(string plugin, string assemblyPath)
    {
        try
        {
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            var md = pe.GetMetadataReader();
            return [.. md.AssemblyReferences
                .Select(h => md.GetAssemblyReference(h))
                .Select(r => (md.GetString(r.Name), r.Version))];
        }
        catch (Exception e) when (e is BadImageFormatException or InvalidOperationException)
        {
            throw new PluginLoadException(plugin, $"{Path.GetFileName(assemblyPath)} 不是有效的 .NET 程序集", e);
        }
    }

    private static Version? HostVersionOf(string name)
    {
        try
        {
            return AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName(name)).GetName().Version;
        }
        catch (FileNotFoundException)
        {
            // The host does not ship it: the plug-in brings its own copy into its own context, which is fine.
            return null;
        }
    }
}
