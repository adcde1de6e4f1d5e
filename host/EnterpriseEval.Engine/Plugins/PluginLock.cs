using System.Security.Cryptography;
using System.Text;
using EnterpriseEval.Engine.FileSystem;

namespace EnterpriseEval.Engine.Plugins;

/// <summary>
/// <c>plugins.lock</c>, the allow-list: the SHA-256 of <b>every file</b> of every approved plug-in folder (assemblies,
/// <c>plugin.json</c>, <c>.deps.json</c>, templates, data), one <c>hash  relative/path</c> per line, paths relative to the
/// plug-ins folder with <c>/</c>, sorted (the output format of <c>sha256sum</c>; <c>#</c> starts a comment). When a lock is
/// in force, a plug-in folder loads only when its files are exactly those listed under it with those hashes: a file
/// added, removed or edited after locking refuses the plug-in, naming the file (docs/plugins.md, "plugins.lock").
/// </summary>
internal sealed class PluginLock
{
    public const string DefaultFileName = "plugins.lock";

    private readonly string _root;
    private readonly string _lockFile;
    private readonly Dictionary<string, string> _byPath;
    private readonly HashSet<string> _hashesOnly;

    private PluginLock(string root, string lockFile, Dictionary<string, string> byPath, HashSet<string> hashesOnly)
    {
        _root = root;
        _lockFile = lockFile;
        _byPath = byPath;
        _hashesOnly = hashesOnly;
    }

    public static PluginLock? Find(string pluginsDirectory, string? configuredPath)
    {
        var path = configuredPath ?? Path.Combine(pluginsDirectory, DefaultFileName);
        if (!File.Exists(path))
        {
            return configuredPath is null
                ? null
                : throw new UserFacingException($"找不到插件白名单文件：{Path.GetFullPath(path)}");
        }

        var byPath = new Dictionary<string, string>(StringComparer.Ordinal);
        var hashesOnly = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in File.ReadLines(path))
        {
            if (line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var trimmed = line.Trim();
            var space = trimmed.IndexOfAny([' ', '\t']);
            var hash = space < 0 ? trimmed : trimmed[..space];
            if (hash.Length != 64)
            {
                continue;
            }

            // sha256sum writes "hash  path" (text mode) or "hash *path" (binary mode).
            var file = space < 0 ? "" : trimmed[space..].TrimStart(' ', '\t').TrimStart('*');
            if (file.Length == 0)
            {
                hashesOnly.Add(hash);
            }
            else
            {
                byPath[Normalise(file)] = hash.ToLowerInvariant();
            }
        }

        return new PluginLock(Path.GetFullPath(pluginsDirectory), Path.GetFullPath(path), byPath, hashesOnly);
    }

    public static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>
    /// Every file of a plug-in folder, with its SHA-256, by path relative to <paramref name="folder"/> (<c>/</c>, sorted
    /// ordinally). A link that leads out of the folder, or anything that is not a regular file, is refused naming it:
    /// the allow-list and a review batch cover only what lies inside.
    /// </summary>
    /// <param name="plugin">The plug-in's id, for the refusal.</param>
    /// <param name="folder">The plug-in's folder.</param>
    /// <param name="skip">A file not to list (the lock itself when it lies in the folder).</param>
    public static IReadOnlyList<(string Path, string Sha256)> FilesOf(string plugin, string folder, string? skip = null)
    {
        var files = new List<(string, string)>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            if (skip is not null && string.Equals(Path.GetFullPath(file), skip, StringComparison.Ordinal))
            {
                continue;
            }

            var relative = Normalise(Path.GetRelativePath(folder, file));
            if (!RealPaths.IsInside(file, folder))
            {
                throw new PluginLoadException(plugin, $"文件 {relative} 是指向插件文件夹以外的链接：插件只能使用其文件夹中的文件");
            }

            files.Add((relative, Sha256(file)));
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return files;
    }

    /// <summary>The lock text for a plug-ins folder: every file of every plug-in folder, sorted (docs/plugins.md).</summary>
    public static string Create(string pluginsDirectory)
    {
        var root = Path.GetFullPath(pluginsDirectory);
        var lockFile = Path.Combine(root, DefaultFileName);
        var text = new StringBuilder();
        var lines = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            if (!string.Equals(Path.GetFullPath(file), lockFile, StringComparison.Ordinal))
            {
                lines.Add($"{Sha256(file)}  ./{Normalise(Path.GetRelativePath(root, file))}");
            }
        }

        lines.Sort((a, b) => string.CompareOrdinal(a[66..], b[66..]));
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// Throws, naming the file, unless the plug-in folder's files are exactly those the lock lists under it, with the
    /// same hashes. A lock of the old form (hashes without paths) still approves assemblies by hash, but then every
    /// other file must be listed by path too.
    /// </summary>
    /// <returns>The folder's files with their hashes (<see cref="FilesOf"/>).</returns>
    public IReadOnlyList<(string Path, string Sha256)> Check(string plugin, string folder)
    {
        var prefix = Normalise(Path.GetRelativePath(_root, Path.GetFullPath(folder)));
        prefix = prefix == "." ? "" : prefix + "/";
        var present = new HashSet<string>(StringComparer.Ordinal);
        var files = FilesOf(plugin, folder, _lockFile);

        // Assemblies first: what would run is named before what would render.
        foreach (var (relative, hash) in files.OrderBy(f => !f.Path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
        {
            var key = prefix + relative;
            present.Add(key);
            var what = relative.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? "程序集" : "文件";
            if (_byPath.TryGetValue(key, out var approved))
            {
                if (!string.Equals(approved, hash, StringComparison.Ordinal))
                {
                    throw new PluginLoadException(plugin, $"{what} {relative} 的内容与插件白名单（{DefaultFileName}）不符：锁定之后被改动，请重新审核并更新白名单");
                }
            }
            else if (!(what == "程序集" && _hashesOnly.Contains(hash)))
            {
                throw new PluginLoadException(plugin, $"{what} {relative} 不在插件白名单（{DefaultFileName}）中");
            }
        }

        foreach (var listed in _byPath.Keys)
        {
            if (listed.StartsWith(prefix, StringComparison.Ordinal) && !present.Contains(listed))
            {
                throw new PluginLoadException(plugin, $"插件白名单（{DefaultFileName}）中的文件 {listed[prefix.Length..]} 已不存在：锁定之后被删除，请重新审核并更新白名单");
            }
        }

        return files;
    }

    /// <summary>The lock file in force (full path), so a plug-in folder that holds it does not list it.</summary>
    public string LockFile => _lockFile;

    private static string Normalise(string path)
    {
        var p = path.Replace('\\', '/');
        while (p.StartsWith("./", StringComparison.Ordinal))
        {
            p = p[2..];
        }

        return p;
    }
}
