using EnterpriseEval.Engine;
using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Workflow.Review.Store;

namespace EnterpriseEval.Workflow.Review;

/// <summary>
/// What a review batch fixes of the files it runs on, beyond the assemblies' hashes (docs/plugins.md, "Review batches"):
/// at <c>review new</c> the SHA-256 of every file of every plug-in folder (manifest, templates, data, assemblies) and the
/// host's review authorisation (and its file, when it came from one) go into the batch's first audit entry, so the
/// audit chain covers them; every later step and <c>review verify</c> hash the files again and name each one added,
/// removed or edited since.
/// </summary>
internal static class BatchIntegrity
{
    private const string FilesFact = "plugin_files";
    private const string DirectoryFact = "plugins_directory";
    private const string AuthorisationFact = "authorisation";
    private const string AuthorisationHashFact = "authorisation_sha256";
    private const string AuthorisationFileFact = "authorisation_file";
    private const string AuthorisationFileHashFact = "authorisation_file_sha256";

    /// <summary>The facts <c>review new</c> records: one <c>hash  folder/path</c> line per plug-in file, the authorisation.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Facts(PluginSet plugins, string directory, ReviewAuthorisation host, string? authorisationFile)
    {
        var lines = new List<string>();
        foreach (var p in plugins.Loaded)
        {
            var folder = Relative(directory, p.Folder);
            lines.Add($"folder  {folder}");
            lines.AddRange(p.Files.Select(f => $"{f.Sha256}  {Join(folder, f.Path)}"));
        }

        yield return new(FilesFact, string.Join('\n', lines));
        yield return new(DirectoryFact, directory);
        yield return new(AuthorisationFact, host.Describe());
        yield return new(AuthorisationHashFact, HostAuthorisation.Sha256(host));
        if (authorisationFile is not null)
        {
            yield return new(AuthorisationFileFact, authorisationFile);
            yield return new(AuthorisationFileHashFact, PluginLock.Sha256(authorisationFile));
        }
    }

    /// <summary>Refuses a step of <paramref name="batch"/> when any recorded file changed since <c>review new</c>.</summary>
    /// <exception cref="UserFacingException">Naming every file that changed.</exception>
    public static void Require(IReviewStore store, ReviewBatch batch)
    {
        var entry = store.Audit(batch.Id).FirstOrDefault(e => e.Step == "new");
        if (entry is not null && Problems(entry) is { Count: > 0 } problems)
        {
            throw new UserFacingException($"批次“{batch.Name}”所依据的文件在建立批次之后被改动，不能继续：{string.Join("；", problems)}。请恢复原文件，或用新的插件和授权另建批次");
        }
    }

    /// <summary>
    /// Refuses plug-ins loaded for a step (possibly from another <c>--plugins</c> folder) whose files differ from those the
    /// batch recorded for the plug-in folder of the same name, naming each file.
    /// </summary>
    /// <exception cref="UserFacingException">Naming every file that differs.</exception>
    public static void Require(IReviewStore store, ReviewBatch batch, PluginSet plugins)
    {
        var entry = store.Audit(batch.Id).FirstOrDefault(e => e.Step == "new");
        if (entry is null || !AuditDetail.Facts(entry.Detail).TryGetValue(FilesFact, out var recorded))
        {
            return;
        }

        var byFolder = Parse(recorded);
        var problems = new List<string>();
        foreach (var p in plugins.Loaded)
        {
            var name = byFolder.Count == 1 ? byFolder.Keys.Single() : Path.GetFileName(Path.TrimEndingDirectorySeparator(p.Folder));
            if (!byFolder.TryGetValue(name, out var files))
            {
                continue; // a plug-in the batch did not record: the provenance check names it
            }

            var now = p.Files.ToDictionary(f => Join(name, f.Path), f => f.Sha256, StringComparer.Ordinal);
            problems.AddRange(now.Where(f => !files.ContainsKey(f.Key)).Select(f => $"插件文件夹中新增了文件 {Path.Combine(p.Folder, f.Key[(name == "." ? 0 : name.Length + 1)..])}"));
            problems.AddRange(now.Where(f => files.TryGetValue(f.Key, out var was) && was != f.Value).Select(f => $"插件文件 {Path.Combine(p.Folder, f.Key[(name == "." ? 0 : name.Length + 1)..])} 与建立批次（review new）时不同"));
            problems.AddRange(files.Keys.Where(k => !now.ContainsKey(k)).Select(k => $"插件文件 {Path.Combine(p.Folder, k[(name == "." ? 0 : name.Length + 1)..])} 已被删除"));
        }

        if (problems.Count > 0)
        {
            throw new UserFacingException($"批次“{batch.Name}”所依据的插件文件与建立批次时不同，不能继续：{string.Join("；", problems)}");
        }
    }

    /// <summary>For <c>review verify</c>: the changed files of every batch in the store.</summary>
    public static IReadOnlyList<string> Problems(IReviewStore store) =>
        [.. store.Audit(null).Where(e => e.Step == "new").SelectMany(e => Problems(e).Select(p => $"批次（审计记录 #{e.Seq}）：{p}"))];

    private static List<string> Problems(AuditEntry entry)
    {
        var facts = AuditDetail.Facts(entry.Detail);
        var problems = new List<string>();
        if (facts.TryGetValue(AuthorisationFileFact, out var authFile) && facts.TryGetValue(AuthorisationFileHashFact, out var authHash))
        {
            if (!File.Exists(authFile))
            {
                problems.Add($"自主评审授权文件 {authFile} 已不存在");
            }
            else if (PluginLock.Sha256(authFile) != authHash)
            {
                problems.Add($"自主评审授权文件 {authFile} 在建立批次（review new）之后被改动");
            }
        }

        if (!facts.TryGetValue(FilesFact, out var recorded) || !facts.TryGetValue(DirectoryFact, out var directory))
        {
            // A batch created before files were recorded: its assemblies are still checked by their hashes.
            return problems;
        }

        var byFolder = Parse(recorded);
        foreach (var (folder, files) in byFolder)
        {
            var full = folder == "." ? directory : Path.Combine(directory, folder);
            IReadOnlyList<(string Path, string Sha256)> now;
            try
            {
                now = Directory.Exists(full) ? PluginLock.FilesOf(folder, full) : [];
            }
            catch (PluginLoadException e)
            {
                problems.Add(e.Message);
                continue;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (relative, hash) in now)
            {
                var path = Join(folder, relative);
                seen.Add(path);
                if (!files.TryGetValue(path, out var was))
                {
                    problems.Add($"插件文件夹中新增了文件 {Path.Combine(directory, path)}");
                }
                else if (was != hash)
                {
                    problems.Add($"插件文件 {Path.Combine(directory, path)} 在建立批次（review new）之后被改动");
                }
            }

            problems.AddRange(files.Keys.Where(p => !seen.Contains(p)).Select(p => $"插件文件 {Path.Combine(directory, p)} 已被删除"));
        }

        return problems;
    }

    // One "folder  path" line per plug-in, followed by its files' "hash  path" lines.
    private static Dictionary<string, Dictionary<string, string>> Parse(string recorded)
    {
        var byFolder = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? current = null;
        foreach (var line in recorded.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var split = line.IndexOf("  ", StringComparison.Ordinal);
            var (hash, path) = (line[..split], line[(split + 2)..]);
            if (hash == "folder")
            {
                byFolder[path] = current = new(StringComparer.Ordinal);
            }
            else if (current is not null)
            {
                current[path] = hash;
            }
        }

        return byFolder;
    }

    private static string Relative(string directory, string folder)
    {
        var r = Path.GetRelativePath(directory, Path.GetFullPath(folder)).Replace('\\', '/');
        return r.Length == 0 ? "." : r;
    }

    private static string Join(string folder, string path) => folder == "." ? path : $"{folder}/{path}";
}
