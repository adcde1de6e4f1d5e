using EnterpriseEval.Host.Cli;
using EnterpriseEval.Engine;
using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Workflow.Watching;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace EnterpriseEval.Host.Commands;

/// <summary>
/// <c>--watch</c>: after the first run, waits for the plug-ins' build output, templates or the roster to change and
/// runs again, until Ctrl+C. Each reload is a fresh composition (new load contexts, new containers); the old one is
/// disposed so its collectible contexts can unload.
/// </summary>
internal sealed class WatchLoop(IAnsiConsole console, IOptions<PluginsOptions> options)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(500);

    public async Task RunAsync(string? pluginsDirectory, string rosterPath, Action<PluginChange> rerun, CancellationToken ct)
    {
        var directory = pluginsDirectory ?? options.Value.Directory;
        if (string.IsNullOrWhiteSpace(directory) || !Directory.Exists(directory))
        {
            throw new UserFacingException("--watch 需要一个存在的插件文件夹（--plugins 或配置项 EnterpriseEval:Plugins:Directory）。");
        }

        // --roster …/employees.csv stands for its folder (docs/roster.md): watch the folder.
        var rosterFolder = rosterPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && File.Exists(rosterPath)
            ? Path.GetDirectoryName(Path.GetFullPath(rosterPath))!
            : rosterPath;
        using var watcher = new PluginFolderWatcher(directory, [rosterFolder], Quiet);
        console.MarkupLine($"[grey]正在监视 {ConsoleText.Escape(Path.GetFullPath(directory))} 与花名册的变更，按 Ctrl+C 结束。[/]");
        while (!ct.IsCancellationRequested)
        {
            PluginChange change;
            try
            {
                change = await watcher.NextAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            console.MarkupLine($"[blue]检测到变更：[/]{ConsoleText.Escape(string.Join("、", change.Files.Take(5)))}{(change.Files.Count > 5 ? $" 等 {change.Files.Count} 个文件" : "")}");
            try
            {
                rerun(change);
            }
            catch (Exception e) when (e is UserFacingException or PluginLoadException or Engine.Roster.RosterException)
            {
                // A half-finished build is normal while watching: say what is wrong and wait for the next change.
                console.MarkupLine($"[red]错误：[/]{ConsoleText.Escape(e.Message)}");
            }
        }
    }

    /// <summary>Prints what changed in the decisions, at most <paramref name="max"/> lines.</summary>
    public void PrintDiff(IReadOnlyList<string> lines, int max = 50)
    {
        if (lines.Count == 0)
        {
            console.MarkupLine("[grey]判定结果无变化。[/]");
            return;
        }

        console.MarkupLine($"[bold]判定结果变化 {lines.Count} 项：[/]");
        foreach (var line in lines.Take(max))
        {
            console.MarkupLine(ConsoleText.Escape(line));
        }

        if (lines.Count > max)
        {
            console.MarkupLine($"[grey]……另有 {lines.Count - max} 项，见 decisions.csv。[/]");
        }
    }
}
