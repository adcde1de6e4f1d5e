namespace EnterpriseEval.Engine.FileSystem;

/// <summary>
/// Where a path really leads, every symbolic link along it followed: the one test of "inside this folder" shared by the
/// roster reader (links out of the roster folder), template includes and plug-in manifests (files out of the plug-in's
/// folder). Comparing paths as written would let a link inside a folder name any file outside it.
/// </summary>
internal static class RealPaths
{
    private static readonly StringComparison Comparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The full path with every symbolic link along it resolved, component by component.</summary>
    public static string Of(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                current = Of(target.FullName);
            }
        }

        return current;
    }

    /// <summary>Whether <paramref name="path"/>, links followed, lies inside <paramref name="folder"/>, links followed.</summary>
    public static bool IsInside(string path, string folder) =>
        Of(path).StartsWith(Path.TrimEndingDirectorySeparator(Of(folder)) + Path.DirectorySeparatorChar, Comparison);
}
