using System.Security.Cryptography;

namespace EnterpriseEval.Engine.Plugins;

/// <summary>
/// <c>plugins.lock</c>: the SHA-256 of every approved plug-in assembly, one <c>hash  relative/path.dll</c> per line
/// (the output format of <c>sha256sum</c>, run in the plug-ins folder). An assembly load context is not a security
/// boundary, so production hosts load only what was approved.
/// </summary>
internal sealed class PluginLock
{
    public const string DefaultFileName = "plugins.lock";

    private readonly HashSet<string> _approved;

    private PluginLock(HashSet<string> approved) => _approved = approved;

    public static PluginLock? Find(string pluginsDirectory, string? configuredPath)
    {
        var path = configuredPath ?? Path.Combine(pluginsDirectory, DefaultFileName);
        if (!File.Exists(path))
        {
            return configuredPath is null
                ? null
                : throw new UserFacingException($"找不到插件白名单文件：{Path.GetFullPath(path)}");
        }

        var approved = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in File.ReadLines(path))
        {
            var hash = line.Split(' ', '\t', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (hash is { Length: 64 } && !line.TrimStart().StartsWith('#'))
            {
                approved.Add(hash);
            }
        }

        return new PluginLock(approved);
    }

    public static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Throws when any assembly of the plug-in folder is not approved.</summary>
    public void Check(string plugin, string folder)
    {
        foreach (var dll in Directory.EnumerateFiles(folder, "*.dll", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!_approved.Contains(Sha256(dll)))
            {
                throw new PluginLoadException(plugin, $"程序集 {Path.GetRelativePath(folder, dll)} 不在插件白名单（{DefaultFileName}）中");
            }
        }
    }
}
