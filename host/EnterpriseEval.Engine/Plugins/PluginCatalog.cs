using System.Reflection;
using EnterpriseEval.Sdk.Plugins;
using EnterpriseEval.Sdk.Screening;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Engine.Plugins;

/// <summary>
/// Loads every plug-in of a folder (one sub-folder each) into its own load context with McMaster.NETCore.Plugins,
/// sharing only the SDK contracts and the Microsoft.Extensions abstractions with the host. Manifest first, code
/// second: a plug-in is refused, with one Chinese line naming it, before its code runs whenever its manifest, its
/// hashes or its references say it cannot work here. The others still load.
/// </summary>
internal sealed class PluginCatalog(IConfiguration configuration, IOptions<PluginsOptions> options)
{
    /// <summary>The types whose assemblies plug-ins share with the host (and so their whole reference closure).</summary>
    private static readonly Type[] SharedTypes = [typeof(IEnterprisePlugin), typeof(IServiceCollection), typeof(IOptions<>)];

    /// <summary>
    /// Loads the plug-ins of <paramref name="directory"/> (or of the configured folder when it is null): one per
    /// sub-folder, or just one when the folder itself holds a <c>plugin.json</c>.
    /// </summary>
    public PluginSet Load(string? directory)
    {
        directory ??= options.Value.Directory;
        var host = HostAuthorisation.Read(configuration);
        if (string.IsNullOrWhiteSpace(directory))
        {
            return host is null ? PluginSet.Empty : new PluginSet([], [], host);
        }

        if (!Directory.Exists(directory))
        {
            throw new UserFacingException($"找不到插件文件夹：{Path.GetFullPath(directory)}");
        }

        var pluginLock = PluginLock.Find(directory, options.Value.LockFile);
        var loaded = new List<LoadedPlugin>();
        var refused = new List<PluginLoadException>();

        // A folder that is itself a plug-in (has plugin.json) loads just that plug-in; otherwise each sub-folder is one.
        var folders = File.Exists(Path.Combine(directory, PluginManifest.FileName))
            ? [directory]
            : Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal).ToArray();
        foreach (var folder in folders)
        {
            try
            {
                var plugin = LoadOne(folder, pluginLock);
                if (loaded.Any(p => p.Manifest.Id == plugin.Manifest.Id))
                {
                    plugin.Dispose();
                    throw new PluginLoadException(plugin.Manifest.Id, $"插件编号与已加载的插件重复（{Path.GetFileName(folder)}）");
                }

                loaded.Add(plugin);
            }
            catch (PluginLoadException e)
            {
                refused.Add(e);
            }
        }

        return new PluginSet(loaded, refused, host);
    }

    private LoadedPlugin LoadOne(string folder, PluginLock? pluginLock)
    {
        var manifest = PluginManifestReader.Read(folder);
        var assemblyPath = Path.GetFullPath(Path.Combine(folder, manifest.AssemblyFile));

        // The allow-list (plugins.lock) covers the files inside the plug-in's folder: the assembly must be one of them,
        // not a file outside reached by "..", an absolute path or a link (docs/plugins.md).
        if (Path.IsPathRooted(manifest.AssemblyFile) || !FileSystem.RealPaths.IsInside(assemblyPath, folder))
        {
            throw new PluginLoadException(manifest.Id, $"清单中的程序集路径“{manifest.AssemblyFile}”不在插件自己的文件夹内：插件只能加载其文件夹中的程序集");
        }

        // Every file of the folder, hashed: checked against the lock when one is in force, and recorded by a review batch.
        var files = pluginLock?.Check(manifest.Id, folder) ?? PluginLock.FilesOf(manifest.Id, folder);
        if (!File.Exists(assemblyPath))
        {
            throw new PluginLoadException(manifest.Id, $"找不到插件程序集 {manifest.AssemblyFile}");
        }

        manifest = PluginCompatibility.Check(manifest, assemblyPath);
        var hash = PluginLock.Sha256(assemblyPath);
        var loader = PluginLoader.CreateFromAssemblyFile(
            assemblyPath,
            isUnloadable: true,
            sharedTypes: SharedTypes,
            config =>
            {
                // Only the shared types' assemblies come from the host; everything else the plug-in brings is its own, so
                // two plug-ins (or a plug-in and the host) may use different versions of the same library.
                config.PreferSharedTypes = false;

                // Read into memory, not mapped from the path: the runtime keeps one image per path while an earlier
                // load context is alive, so after a rebuild (--watch) a load from the path would run the old code.
                config.LoadInMemory = true;
            });
        try
        {
            var assembly = loader.LoadDefaultAssembly();

            // The plug-in's constructor and Configure are its code: marked, so a worker that dies in them names it.
            PluginComposition composition;
            using (PluginCallMarker.Enter(PluginCallMarker.Register(manifest.Id, assembly)))
            {
                composition = Compose(manifest, folder, assembly);
            }

            // The hash recorded is that of the code that runs: a build still writing the file is caught here.
            if (PluginLock.Sha256(assemblyPath) != hash)
            {
                throw new PluginLoadException(manifest.Id, $"插件程序集 {manifest.AssemblyFile} 在加载过程中被改写（构建尚未完成？），请稍后重试");
            }

            return new LoadedPlugin(manifest, folder, assemblyPath, hash, loader, composition) { Files = files };
        }
        catch
        {
            loader.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Lets a plug-in instance declare its contributions and resolves them from its own container; options bind from
    /// <c>Plugins:&lt;id&gt;</c>. Also how the test kit composes a plug-in it references directly.
    /// </summary>
    internal static PluginComposition Compose(PluginManifest manifest, string folder, IEnterprisePlugin plugin, IConfiguration configuration)
    {
        var builder = new PluginBuilder(manifest.Id, Path.GetFullPath(folder), configuration.GetSection($"Plugins:{manifest.Id}"));
        plugin.Configure(builder);
        var composition = builder.Compose();

        // The host's own policy (appsettings.json and --config) is the floor a plug-in may tighten but not loosen.
        PluginGuards.Check(manifest.Id, composition, configuration.GetSection("EnterpriseEval:Policy").Get<PolicyOptions>() ?? PolicyOptions.ProjectDefaults(), folder);
        return composition;
    }

    private PluginComposition Compose(PluginManifest manifest, string folder, Assembly assembly)
    {
        var type = assembly.GetType(manifest.EntryType, throwOnError: false)
            ?? throw new PluginLoadException(manifest.Id, $"程序集中找不到入口类型 {manifest.EntryType}");
        if (!typeof(IEnterprisePlugin).IsAssignableFrom(type))
        {
            throw new PluginLoadException(manifest.Id, $"入口类型 {manifest.EntryType} 未实现本系统的 IEnterprisePlugin（插件可能自带了另一版本的 EnterpriseEval.Sdk.dll，请勿将 SDK 复制到插件输出）");
        }

        try
        {
            return Compose(manifest, folder, (IEnterprisePlugin)Activator.CreateInstance(type)!, configuration);
        }
        catch (Exception e) when (e is not PluginLoadException)
        {
            var cause = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
            if (cause is InvalidProgramException or MissingMethodException or MissingFieldException or TypeLoadException)
            {
                // The plug-in was compiled against SDK members that changed shape: SDK 1.1 made DocumentKind a
                // code-keyed struct (docs/plugin-authoring.md, "SDK 1.1"), so code built against the 1.0 enum cannot run.
                throw new PluginLoadException(
                    manifest.Id,
                    $"插件与本主机的 EnterpriseEval.Sdk 不兼容（{cause.GetType().Name}）：插件很可能按 SDK 1.0 编译，而 SDK 1.1 更改了 DocumentKind 等成员；请引用当前版本的 EnterpriseEval.Sdk 重新编译插件",
                    cause);
            }

            throw new PluginLoadException(manifest.Id, $"初始化失败：{cause.GetType().Name}: {cause.Message}", cause);
        }
    }
}
