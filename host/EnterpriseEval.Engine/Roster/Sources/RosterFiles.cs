using System.Runtime.InteropServices;

namespace EnterpriseEval.Engine.Roster.Sources;

/// <summary>
/// Only regular files are read as roster tables, and a CSV table only from inside its roster folder (docs/security.md,
/// Limits on input): a FIFO or a device named like a table would block the run or never end; a link pointing out of
/// the folder would read a file nobody meant to hand over.
/// </summary>
internal static partial class RosterFiles
{
    // File types as the runtime's own native shim reports them (the PAL normalises them to these values).
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int Fifo = 0x1000;
    private const int CharacterDevice = 0x2000;
    private const int BlockDevice = 0x6000;
    private const int Socket = 0xC000;

    /// <summary>
    /// Refuses <paramref name="path"/> unless it is a regular file (a link to one is followed) and, when
    /// <paramref name="folder"/> is given, the file it finally names lies inside that folder.
    /// </summary>
    /// <exception cref="RosterException">Not a regular file, or a link out of the folder; the message names the file.</exception>
    public static void EnsureRegular(string path, string? folder = null)
    {
        var name = Path.GetFileName(path);
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            FileSystemInfo? target;
            try
            {
                target = info.ResolveLinkTarget(returnFinalTarget: true);
            }
            catch (IOException e)
            {
                throw new RosterException($"{name} 是一个无法解析的链接（可能循环链接），不能作为花名册读取：{path}", e);
            }

            if (target is null || !target.Exists)
            {
                throw new RosterException($"{name} 是一个指向不存在文件的链接，不能作为花名册读取：{path}");
            }

            if (folder is not null && !IsInside(target.FullName, folder))
            {
                throw new RosterException($"{name} 是指向花名册文件夹之外（{target.FullName}）的链接，出于安全考虑不予读取；请把文件本身复制到花名册文件夹：{path}");
            }
        }

        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var buffer = new byte[256];
        if (Stat(path, buffer) != 0)
        {
            // Gone or unreadable: opening it says which, in the reader's own message.
            return;
        }

        var type = BitConverter.ToInt32(buffer, 4) & TypeMask;
        if (type != RegularFile)
        {
            var what = type switch
            {
                Fifo => "命名管道（FIFO）",
                CharacterDevice or BlockDevice => "设备文件",
                Socket => "套接字",
                _ => "特殊文件",
            };
            throw new RosterException($"{name} 不是普通文件而是{what}，读取它可能永远等不到结束，不能作为花名册读取：{path}");
        }
    }

    // The folder itself may be reached through a link (/tmp on macOS is /private/tmp): real paths on both sides.
    private static bool IsInside(string fullPath, string folder) => FileSystem.RealPaths.IsInside(fullPath, folder);

    // stat(2) through the runtime's native shim, whose FileStatus begins Flags, Mode on every Unix the runtime runs on.
    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, [Out] byte[] status);
}
