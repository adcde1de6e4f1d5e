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
/// <c>TypeLoadException</c>); refusing it at load with a clear message is kinder. The SDK version a plug-in was compiled
/// against is the stamp <c>[assembly: SdkBuildVersion]</c> its build put in, not the hand-written <c>sdkVersion</c>,
/// which must agree with it (docs/plugin-authoring.md "Versioning and compatibility").
/// </summary>
internal static class PluginCompatibility
{
    private const string SdkAssemblyName = "EnterpriseEval.Sdk";
    private const string StampNamespace = "EnterpriseEval.Sdk.Plugins";
    private const string StampName = "SdkBuildVersionAttribute";

    /// <summary>
    /// Binary breaks of the SDK within a major: a host whose SDK is at least <c>Since</c> refuses a plug-in stamped below
    /// it, since the plug-in's code would fail at run time (docs/plugin-authoring.md "Versioning and compatibility").
    /// Active only once the product's version reaches the row (EnterpriseEvalVersion in Directory.Build.props).
    /// </summary>
    internal static readonly IReadOnlyList<(Version Since, string Change)> BinaryBreaks =
    [
        (new Version(1, 1, 0), "DocumentKind 由枚举改为结构（docs/plugin-authoring.md “SDK 1.1”）"),
    ];

    /// <summary>The checks against the host's SDK; returns the manifest with its SDK version, taken from the stamp when absent.</summary>
    public static PluginManifest Check(PluginManifest manifest, string assemblyPath) => Check(manifest, assemblyPath, SdkInfo.Version);

    /// <summary>The checks against a given host SDK version (tests pass another one).</summary>
    internal static PluginManifest Check(PluginManifest manifest, string assemblyPath, Version host)
    {
        // The stamp is what the build put in; plugin.json's sdkVersion must agree with it, so checking the stamp
        // against the host checks the manifest too.
        var (references, stampText) = ReadMetadata(manifest.Id, assemblyPath);
        var stamp = CheckStamp(manifest, assemblyPath, stampText, host);

        foreach (var (name, version) in references)
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

        return manifest.SdkVersion is null ? manifest with { SdkVersion = stamp } : manifest;
    }

    /// <summary>
    /// The stamp <c>[assembly: SdkBuildVersion]</c> the SDK's build files put into every plug-in, against the host's SDK
    /// and the manifest. A plug-in without it was built before the stamp existed (or with the SDK's build files
    /// switched off): refused, since its <c>sdkVersion</c> is then only a hand-written claim, and every plug-in built
    /// before SDK 1.1 must be rebuilt anyway (DocumentKind's binary break). A manifest without <c>sdkVersion</c> is
    /// accepted only with the stamp, which then stands for it (the build fills it into the deployed plugin.json).
    /// </summary>
    /// <returns>The stamped SDK version.</returns>
    internal static Version CheckStamp(PluginManifest manifest, string assemblyPath, string? stampText, Version host)
    {
        var file = Path.GetFileName(assemblyPath);
        if (stampText is null)
        {
            throw new PluginLoadException(manifest.Id, $"插件未带 SDK 版本标记（{file}），请用当前 EnterpriseEval.Sdk 包（{host}）重新编译");
        }

        if (!Version.TryParse(stampText.Split('+', '-')[0], out var stamp))
        {
            throw new PluginLoadException(manifest.Id, $"插件 {file} 的 SDK 版本标记“{stampText}”不是版本号，请用当前 EnterpriseEval.Sdk 包（{host}）重新编译");
        }

        if (manifest.SdkVersion is { } declared && Normalise(stamp) != Normalise(declared))
        {
            throw new PluginLoadException(
                manifest.Id,
                $"{PluginManifest.FileName} 声明插件基于 SDK {manifest.SdkVersion}（sdkVersion），而插件 {file} 实际基于 SDK {stampText} 编译；请改正 sdkVersion 或重新编译插件");
        }

        if (stamp.Major != host.Major || stamp > host)
        {
            throw new PluginLoadException(
                manifest.Id,
                $"插件 {file} 基于 SDK {stampText} 编译，本系统 SDK 为 {host}（须主版本相同且不高于本系统）；请用本系统的 SDK 版本重新编译插件");
        }

        foreach (var (since, change) in BinaryBreaks)
        {
            if (host >= since && stamp < since)
            {
                throw new PluginLoadException(
                    manifest.Id,
                    $"插件 {file} 基于 SDK {stampText} 编译，早于 SDK {since} 的二进制不兼容变更（{change}）：请用当前 EnterpriseEval.Sdk 包（{host}）重新编译");
            }
        }

        return stamp;
    }

    // 1.0 and 1.0.0 name the same version.
    private static Version Normalise(Version v) => new(v.Major, v.Minor, Math.Max(v.Build, 0));

    private static (List<(string Name, Version Version)> References, string? Stamp) ReadMetadata(string plugin, string assemblyPath)
    {
        try
        {
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            var md = pe.GetMetadataReader();
            List<(string, Version)> references = [.. md.AssemblyReferences
                .Select(h => md.GetAssemblyReference(h))
                .Select(r => (md.GetString(r.Name), r.Version))];
            return (references, Stamp(md));
        }
        catch (Exception e) when (e is BadImageFormatException or InvalidOperationException)
        {
            throw new PluginLoadException(plugin, $"{Path.GetFileName(assemblyPath)} 不是有效的 .NET 程序集", e);
        }
    }

    /// <summary>The string argument of the assembly's <c>SdkBuildVersionAttribute</c>, read from metadata only.</summary>
    internal static string? Stamp(MetadataReader md)
    {
        foreach (var handle in md.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = md.GetCustomAttribute(handle);
            if (!IsStamp(md, attribute.Constructor))
            {
                continue;
            }

            // Custom attribute blob: prolog 0x0001, then the constructor's one string argument (ECMA-335 II.23.3).
            var blob = md.GetBlobReader(attribute.Value);
            return blob.ReadUInt16() == 1 ? blob.ReadSerializedString() : null;
        }

        return null;
    }

    private static bool IsStamp(MetadataReader md, EntityHandle constructor)
    {
        EntityHandle type;
        if (constructor.Kind == HandleKind.MemberReference)
        {
            type = md.GetMemberReference((MemberReferenceHandle)constructor).Parent;
        }
        else if (constructor.Kind == HandleKind.MethodDefinition)
        {
            type = md.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType();
        }
        else
        {
            return false;
        }

        return type.Kind switch
        {
            HandleKind.TypeReference => md.GetTypeReference((TypeReferenceHandle)type) is var r
                && md.StringComparer.Equals(r.Namespace, StampNamespace) && md.StringComparer.Equals(r.Name, StampName),
            HandleKind.TypeDefinition => md.GetTypeDefinition((TypeDefinitionHandle)type) is var d
                && md.StringComparer.Equals(d.Namespace, StampNamespace) && md.StringComparer.Equals(d.Name, StampName),
            _ => false,
        };
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
