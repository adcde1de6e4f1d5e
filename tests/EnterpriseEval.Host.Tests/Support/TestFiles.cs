namespace EnterpriseEval.Host.Tests.Support;

/// <summary>Small helpers the command tests share: copying a plug-in or sample folder, and console text compared flat.</summary>
internal static class TestFiles
{
    /// <summary>Copies <paramref name="from"/> with every sub-folder into <paramref name="to"/>.</summary>
    public static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>The console wraps long lines; compare text without any white space.</summary>
    public static string Flat(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
