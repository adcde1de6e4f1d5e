using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace EnterpriseEval.Engine.Output;

/// <summary>
/// The files of one run, published together (docs/security.md, "Atomic result sets"): they are written into a fresh
/// staging folder beside the output folder, and only when every file is complete is the staging folder exchanged with
/// the output folder in one step (Linux <c>renameat2(RENAME_EXCHANGE)</c>; a plain rename when the output folder does
/// not exist yet). A crash, an error or a kill at any moment leaves the output folder with the previous set or the new
/// one, never a mix. Files in the output folder that are not part of the set (an HR officer's own notes, the exports of
/// other commands) are carried over into the new folder by hard link (copied where links are not possible).
/// </summary>
/// <remarks>
/// Where the exchange is not available (another operating system, a file system that refuses it) the files are moved one by
/// one, the previous behaviour: a file that cannot be replaced (open in Excel on a share) is named and the move stops.
/// </remarks>
internal sealed partial class ResultSet : IDisposable
{
    /// <summary>Test hook: a step name at which the process kills itself (SIGKILL), to prove the guarantee.</summary>
    internal const string FaultVariable = "EEVAL_TEST_KILL_AT";

    private const string StagingMarker = ".eeval-staging-";
    private readonly string _target;
    private readonly string[] _names;
    private bool _published;

    private ResultSet(string target, string staging, string[] names)
    {
        _target = target;
        StagingDirectory = staging;
        _names = names;
    }

    /// <summary>The folder the files are written into before they are published.</summary>
    public string StagingDirectory { get; }

    /// <summary>Where a file of the set is written before publishing.</summary>
    public string StagingPath(string name) => Path.Combine(StagingDirectory, name);

    /// <summary>Where a file of the set is once published.</summary>
    public string PublishedPath(string name) => Path.Combine(_target, name);

    /// <summary>Starts a set for <paramref name="outputDirectory"/> holding the files <paramref name="names"/>.</summary>
    public static ResultSet Begin(string outputDirectory, IReadOnlyList<string> names)
    {
        var target = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        if (Directory.Exists(target) && new DirectoryInfo(target).ResolveLinkTarget(returnFinalTarget: true) is { } linked)
        {
            // The set replaces the folder a link points to, not the link.
            target = linked.FullName.TrimEnd(Path.DirectorySeparatorChar);
        }

        var parent = Path.GetDirectoryName(target) ?? throw new UserFacingException($"输出文件夹不能是根目录：{outputDirectory}");
        var leaf = Path.GetFileName(target);
        try
        {
            Directory.CreateDirectory(parent);
            RemoveAbandoned(parent, leaf);
            var staging = Path.Combine(
                parent, $".{leaf}{StagingMarker}{Environment.ProcessId}-{Guid.NewGuid():N}");
            Directory.CreateDirectory(staging);
            return new ResultSet(target, staging, [.. names]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserFacingException($"无法创建输出文件夹：{outputDirectory}（{e.Message}）", e);
        }
    }

    /// <summary>Publishes the complete set: afterwards the output folder holds exactly the new files of the set.</summary>
    public void Publish()
    {
        Fault("staged");
        if (!Directory.Exists(_target))
        {
            Directory.Move(StagingDirectory, _target);
            _published = true;
            Fault("published");
            return;
        }

        CarryOver(_target, StagingDirectory, top: true);
        if (TryExchange(StagingDirectory, _target))
        {
            _published = true;
            Fault("exchanged");
            DeleteQuietly(StagingDirectory);
            return;
        }

        MoveOneByOne();
        _published = true;
        DeleteQuietly(StagingDirectory);
    }

    /// <summary>Removes the staging folder of a set that was not published.</summary>
    public void Dispose()
    {
        if (!_published)
        {
            DeleteQuietly(StagingDirectory);
        }
    }

    private void MoveOneByOne()
    {
        foreach (var name in _names)
        {
            try
            {
                File.Move(StagingPath(name), PublishedPath(name), overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UserFacingException(
                    $"无法替换输出文件 {PublishedPath(name)}（可能正被其他程序打开，请关闭后重试）：{e.Message}", e);
            }
        }
    }

    // Every entry of the old folder that the new set does not replace is linked into the new folder.
    private void CarryOver(string from, string into, bool top)
    {
        foreach (var entry in new DirectoryInfo(from).EnumerateFileSystemInfos())
        {
            if (top && (Array.IndexOf(_names, entry.Name) >= 0 || entry.Name.Contains(StagingMarker, StringComparison.Ordinal)))
            {
                continue;
            }

            var destination = Path.Combine(into, entry.Name);
            if (entry is DirectoryInfo && entry.LinkTarget is null)
            {
                Directory.CreateDirectory(destination);
                CarryOver(entry.FullName, destination, top: false);
            }
            else if (entry.LinkTarget is { } link)
            {
                File.CreateSymbolicLink(destination, link);
            }
            else if (!(OperatingSystem.IsLinux() && Native.Link(entry.FullName, destination) == 0))
            {
                File.Copy(entry.FullName, destination);
            }
        }
    }

    private static bool TryExchange(string staging, string target)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return Native.Exchange(staging, target) == 0;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// Removes the staging folders process <paramref name="processId"/> left for <paramref name="outputDirectory"/>: the
    /// parent of a plug-in worker that died cleans up after it at once (docs/plugins.md, "Process isolation").
    /// </summary>
    public static void RemoveStagingOf(string outputDirectory, int processId)
    {
        var target = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        if (Directory.Exists(target) && new DirectoryInfo(target).ResolveLinkTarget(returnFinalTarget: true) is { } linked)
        {
            target = linked.FullName.TrimEnd(Path.DirectorySeparatorChar);
        }

        if (Path.GetDirectoryName(target) is { } parent && Directory.Exists(parent))
        {
            foreach (var dir in Directory.EnumerateDirectories(parent, $".{Path.GetFileName(target)}{StagingMarker}{processId}-*"))
            {
                DeleteQuietly(dir);
            }
        }
    }

    // Staging folders of runs that were killed: their process is gone.
    private static void RemoveAbandoned(string parent, string leaf)
    {
        var prefix = $".{leaf}{StagingMarker}";
        foreach (var dir in Directory.EnumerateDirectories(parent, prefix + "*"))
        {
            var rest = Path.GetFileName(dir)[prefix.Length..];
            var dash = rest.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && int.TryParse(rest.AsSpan(0, dash), out var pid) && !IsRunning(pid))
            {
                DeleteQuietly(dir);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or Win32Exception)
        {
            return false;
        }
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the next run removes it (its process is gone).
        }
    }

    private static void Fault(string step)
    {
        if (Environment.GetEnvironmentVariable(FaultVariable) == step)
        {
            Process.GetCurrentProcess().Kill();
            Thread.Sleep(Timeout.Infinite);
        }
    }

    private static partial class Native
    {
        private const int AtFdCwd = -100;
        private const uint RenameExchange = 2;

        public static int Exchange(string a, string b) => RenameAt2(AtFdCwd, a, AtFdCwd, b, RenameExchange);

        [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
        public static partial int Link(string existing, string created);

        [LibraryImport("libc", EntryPoint = "renameat2", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
        private static partial int RenameAt2(int oldDirectory, string oldPath, int newDirectory, string newPath, uint flags);
    }
}
