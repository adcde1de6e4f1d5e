using System.Threading.Channels;

namespace EnterpriseEval.Workflow.Watching;

/// <summary>
/// Watches a plug-ins folder (and, when given, other folders such as the roster) and reports batches of changes,
/// debounced so one rebuild — which writes many files — gives one reload.
/// </summary>
internal sealed class PluginFolderWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>();
    private readonly string _pluginsDirectory;
    private readonly TimeSpan _quiet;

    public PluginFolderWatcher(string pluginsDirectory, IEnumerable<string> otherFolders, TimeSpan quiet)
    {
        _pluginsDirectory = Path.GetFullPath(pluginsDirectory);
        _quiet = quiet;
        foreach (var folder in otherFolders.Prepend(_pluginsDirectory).Where(Directory.Exists).Distinct(StringComparer.Ordinal))
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName,
            };
            watcher.Changed += (_, e) => _changes.Writer.TryWrite(e.FullPath);
            watcher.Created += (_, e) => _changes.Writer.TryWrite(e.FullPath);
            watcher.Deleted += (_, e) => _changes.Writer.TryWrite(e.FullPath);
            watcher.Renamed += (_, e) => _changes.Writer.TryWrite(e.FullPath);
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    /// <summary>Waits for the next batch of changes: the first change, then until the folder is quiet.</summary>
    public async Task<PluginChange> NextAsync(CancellationToken ct)
    {
        var files = new HashSet<string>(StringComparer.Ordinal) { await _changes.Reader.ReadAsync(ct).ConfigureAwait(false) };
        while (true)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(ct);
            quiet.CancelAfter(_quiet);
            try
            {
                files.Add(await _changes.Reader.ReadAsync(quiet.Token).ConfigureAwait(false));
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return Classify(files);
            }
        }
    }

    /// <summary>Which kind of reload a set of changed files needs.</summary>
    public PluginChange Classify(IEnumerable<string> paths)
    {
        var files = paths.Select(Path.GetFullPath).Order(StringComparer.Ordinal).ToList();
        var inPlugins = files.Where(f => f.StartsWith(_pluginsDirectory, StringComparison.Ordinal)).ToList();
        var binaries = inPlugins.Any(f => Path.GetExtension(f) is ".dll" or ".json" || Directory.Exists(f));
        var templates = inPlugins.Any(f => f.EndsWith(".sbn", StringComparison.OrdinalIgnoreCase) || f.Contains(".sbn", StringComparison.OrdinalIgnoreCase));
        return new PluginChange(binaries || files.Count > inPlugins.Count, templates, [.. files.Select(f => Path.GetRelativePath(Directory.GetCurrentDirectory(), f))]);
    }

    public void Dispose()
    {
        foreach (var w in _watchers)
        {
            w.Dispose();
        }
    }
}
