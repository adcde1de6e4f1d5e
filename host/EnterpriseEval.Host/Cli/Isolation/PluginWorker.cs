using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using EnterpriseEval.Engine;
using EnterpriseEval.Engine.Output;
using EnterpriseEval.Engine.Plugins;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace EnterpriseEval.Host.Cli.Isolation;

/// <summary>
/// Process isolation, the parent's side (docs/plugins.md, "Process isolation"): a command that runs plug-in code runs
/// whole in a worker, <c>eeval</c> started again with the same arguments. The parent relays what the worker prints
/// and decides the exit status: the worker's own only when it wrote its completion record (the command finished, the
/// plug-ins disposed); otherwise the run failed, and the parent says which plug-in ended it and how, and removes the
/// worker's unpublished result folders.
/// </summary>
internal static class PluginWorker
{
    /// <summary>The worker's channel folder (created by the parent, private to the user); set only in a worker.</summary>
    public const string ChannelVariable = "EEVAL_WORKER_CHANNEL";

    /// <summary>How the worker's console renders when its output is relayed: <c>width;ansi;colors;unicode</c>.</summary>
    public const string ConsoleVariable = "EEVAL_WORKER_CONSOLE";

    /// <summary>Configuration: <c>Process</c> (default) or <c>InProcess</c>.</summary>
    public const string IsolationKey = "EnterpriseEval:Plugins:Isolation";

    /// <summary>Configuration: how long a plug-in's Dispose may take in a worker (milliseconds, default 10000).</summary>
    public const string DisposeTimeoutKey = "EnterpriseEval:Plugins:DisposeTimeoutMilliseconds";

    /// <summary>Exit status of a run whose worker ended without finishing.</summary>
    public const int WorkerFailedExitCode = 3;

    /// <summary>Exit status after Ctrl+C, as a shell reports a process ended by SIGINT.</summary>
    public const int InterruptedExitCode = 130;

    /// <summary>The configuration the worker runs with (JSON key/value pairs), in the channel folder.</summary>
    public const string ConfigurationFile = "configuration.json";

    /// <summary>Written by the worker when the command finished: its exit status.</summary>
    public const string CompletionFile = "completed";

    /// <summary>Written by the worker's last-chance handlers: what ended it and in which plug-in.</summary>
    public const string CrashFile = "crash";

    /// <summary>How long a worker may take to exit after its completion record before it is killed.</summary>
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(5);

    // Secrets a worker that only screens does not need (docs/security.md): the review audit key.
    private static readonly string[] ReviewSecrets = ["EnterpriseEval:Review:AuditKey", "EnterpriseEval:Review:AuditKeyFile"];

    // Variables a worker keeps; everything else (EEVAL_* included: its configuration comes from the parent) is dropped.
    private static readonly string[] KeptVariables =
        ["PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TZ", "TMPDIR", "TEMP", "TMP", "TERM", "COLORTERM", "NO_COLOR", "COLUMNS", "LINES", "SystemRoot", "windir", "USERPROFILE", "LOCALAPPDATA", "APPDATA", ResultSet.FaultVariable];

    private static readonly string[] KeptPrefixes = ["LC_", "DOTNET_", "COREHOST_"];

    /// <summary>Whether this process is a worker.</summary>
    public static bool IsWorker => WorkerProcess.Current is not null;

    /// <summary>
    /// Whether <paramref name="args"/> name a command that runs plug-in code with plug-ins to run, isolation is on and
    /// this process is not already the worker.
    /// </summary>
    public static bool Wanted(string[] args, IConfiguration configuration)
    {
        if (IsWorker)
        {
            return false;
        }

        var mode = configuration[IsolationKey];
        if (!string.IsNullOrWhiteSpace(mode) && !mode.Trim().Equals("Process", StringComparison.OrdinalIgnoreCase))
        {
            return mode.Trim().Equals("InProcess", StringComparison.OrdinalIgnoreCase)
                ? false
                : throw new UserFacingException($"配置项 {IsolationKey} 的值“{mode}”无法识别：应为 Process（插件在子进程中运行，默认）或 InProcess");
        }

        return Command(args) switch
        {
            // Without a plug-ins folder there is no plug-in code to isolate.
            "screen" or "notices" or "plugins list" or "plugins validate" or "review new" or "test" => HasPluginsFolder(args, configuration),

            // A batch's steps load the plug-ins recorded in the batch, which only the store knows.
            "review screen" or "review score" or "review replay" => true,
            _ => false,
        };
    }

    /// <summary>Runs the command line in a worker and returns the exit status the run deserves.</summary>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var command = Command(args);
        var channel = Directory.CreateTempSubdirectory("eeval-worker-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(channel, PluginCallMarker.MarkerFile), new byte[PluginCallMarker.FileSize]);
            File.WriteAllText(Path.Combine(channel, ConfigurationFile), JsonSerializer.Serialize(Snapshot(configuration, command.StartsWith("review", StringComparison.Ordinal))));

            var relay = !ReferenceEquals(console.Profile.Out.Writer, Console.Out);
            using var process = Process.Start(StartInfo(args, channel, console, relay))
                ?? throw new UserFacingException("无法启动运行插件的子进程");
            var stackOverflow = false;
            var stdout = relay ? Pump(process.StandardOutput, console.Profile.Out.Writer, _ => { }) : Task.CompletedTask;
            var stderr = Pump(process.StandardError, Console.Error, line => stackOverflow |= line.StartsWith("Stack overflow", StringComparison.Ordinal));

            // Ctrl+C reaches the worker too (same process group) and ends it; the parent waits for it and says so. A
            // cancelled token closes the worker's stdin, which the worker takes as its Ctrl+C. SIGTERM ends both.
            var interrupted = false;
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c =>
            {
                interrupted = true;
                c.Cancel = true;
            });
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => Kill(process));
            using var cancelled = cancellationToken.Register(() => Stop(process));
            await WaitAsync(process, channel).ConfigureAwait(false);
            await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None)).ConfigureAwait(false);
            console.Profile.Out.Writer.Flush();

            if (ReadCompletion(channel) is { } code)
            {
                return code;
            }

            RemoveStaging(args, process.Id);
            if (interrupted)
            {
                console.MarkupLine("[yellow]已中断（Ctrl+C）。[/]");
                return InterruptedExitCode;
            }

            console.MarkupLine($"[red]错误：[/]{ConsoleText.Escape(Explain(command, channel, process.ExitCode, stackOverflow))}");
            return WorkerFailedExitCode;
        }
        finally
        {
            try
            {
                Directory.Delete(channel, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A temporary folder the system cleans up.
            }
        }
    }

    /// <summary>What ended a worker without completion, in Chinese, naming the plug-in where the evidence does.</summary>
    internal static string Explain(string command, string channel, int exitCode, bool stackOverflow)
    {
        var job = command switch
        {
            "screen" => "筛查未完成，结果未写出（输出文件夹保持上次的结果）",
            "notices" => "文书生成未完成，文书未写出（输出文件夹保持原样）",
            "plugins list" or "plugins validate" => "插件校验未完成，视为未通过",
            "test" => "用例未运行完，视为未通过",
            _ => "本步骤未完成（已提交的部分保留在批次中，排除插件问题后可再次运行）",
        };
        var names = ReadLines(Path.Combine(channel, PluginCallMarker.NamesFile));
        var marked = MarkedPlugins(channel, names);
        if (ReadLines(Path.Combine(channel, CrashFile)) is [var kind, var plugin, .. var rest])
        {
            // The handler names the plug-in from the stack where it can; otherwise the marker does.
            var who = plugin.Length > 0 ? $"插件 {plugin}" : Suspects(marked, names);
            var detail = string.Join(" ", rest);
            return kind switch
            {
                "exit" => $"{who} 调用了 Environment.Exit（退出码 {detail}），{job}",
                "finalizer" => $"{who} 的终结器抛出了未处理的异常（{detail}），运行插件的子进程已终止，{job}",
                "unhandled" => $"{who} 在其自己的线程上抛出了未处理的异常（{detail}），运行插件的子进程已终止，{job}",
                "hung" => $"{who} 的 {detail} 超过时限（{DisposeTimeoutKey}）仍未结束，运行插件的子进程已终止，{job}",
                _ => $"{who} 使运行插件的子进程终止（{detail}），{job}",
            };
        }

        var suspects = Suspects(marked, names);
        if (stackOverflow)
        {
            return $"{suspects} 发生栈溢出（可能是无限递归），运行插件的子进程已终止，{job}";
        }

        var how = exitCode > 128 && !OperatingSystem.IsWindows() ? $"信号 {exitCode - 128}" : $"退出码 {exitCode}";
        return $"运行插件的子进程意外终止（{how}；可能的来源：{suspects}），{job}";
    }

    // The plug-ins a thread was inside when the worker died; else every plug-in it had loaded.
    private static string Suspects(IReadOnlyList<string> marked, IReadOnlyList<string> names) =>
        marked.Count > 0 ? $"插件 {string.Join("、", marked)}"
        : names.Count > 0 ? $"运行插件的子进程（未能确定是哪个插件；已加载的插件：{string.Join("、", names)}）"
        : "运行插件的子进程（尚未加载插件）";

    private static List<string> MarkedPlugins(string channel, IReadOnlyList<string> names)
    {
        var marked = new List<string>();
        var bytes = File.ReadAllBytes(Path.Combine(channel, PluginCallMarker.MarkerFile));
        for (var i = 0; i + sizeof(int) <= bytes.Length; i += PluginCallMarker.SlotStride * sizeof(int))
        {
            var index = BitConverter.ToInt32(bytes, i);
            var name = index > 0 && index <= names.Count ? names[index - 1] : index > 0 ? $"#{index}" : null;
            if (name is not null && !marked.Contains(name))
            {
                marked.Add(name);
            }
        }

        return marked;
    }

    private static string[] ReadLines(string path) =>
        File.Exists(path) && File.ReadAllText(path, Encoding.UTF8).TrimEnd('\n') is { Length: > 0 } text ? text.Split('\n') : [];

    private static int? ReadCompletion(string channel) =>
        File.Exists(Path.Combine(channel, CompletionFile)) && int.TryParse(File.ReadAllText(Path.Combine(channel, CompletionFile)).Trim(), out var code)
            ? code
            : null;

    // Waits for the worker; one that wrote its completion record but does not exit (a plug-in's exit handler hanging) is
    // killed after a grace period: its run is complete.
    private static async Task WaitAsync(Process process, string channel)
    {
        DateTime? completedAt = null;
        while (!process.HasExited)
        {
            using var poll = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            try
            {
                await process.WaitForExitAsync(poll.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Polling.
            }

            if (!process.HasExited && File.Exists(Path.Combine(channel, CompletionFile)))
            {
                completedAt ??= DateTime.UtcNow;
                if (DateTime.UtcNow - completedAt > ExitGrace)
                {
                    Kill(process);
                }
            }
        }

        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            process.StandardInput.Close();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
        {
            // Already gone.
        }
    }

    private static async Task Pump(StreamReader from, TextWriter to, Action<string> line)
    {
        var buffer = new char[4096];
        var pending = new StringBuilder();
        int n;
        while ((n = await from.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            var text = new string(buffer, 0, n);
            to.Write(text);
            to.Flush();
            pending.Append(text);
            for (var nl = IndexOf(pending, '\n'); nl >= 0; nl = IndexOf(pending, '\n'))
            {
                line(pending.ToString(0, nl));
                pending.Remove(0, nl + 1);
            }
        }

        if (pending.Length > 0)
        {
            line(pending.ToString());
        }
    }

    private static int IndexOf(StringBuilder text, char c)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == c)
            {
                return i;
            }
        }

        return -1;
    }

    private static ProcessStartInfo StartInfo(string[] args, string channel, IAnsiConsole console, bool relay)
    {
        var (program, prefix) = Entry();
        var info = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = relay,
            RedirectStandardError = true,
            StandardOutputEncoding = relay ? Encoding.UTF8 : null,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = Environment.CurrentDirectory,
        };
        foreach (var a in prefix.Concat(args))
        {
            info.ArgumentList.Add(a);
        }

        var inherited = info.Environment.ToList();
        info.Environment.Clear();
        foreach (var (key, value) in inherited)
        {
            if (KeptVariables.Contains(key, StringComparer.Ordinal) || KeptPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal)))
            {
                info.Environment[key] = value;
            }
        }

        info.Environment[ChannelVariable] = channel;
        if (relay)
        {
            var p = console.Profile;
            info.Environment[ConsoleVariable] = string.Join(';', p.Width, p.Capabilities.Ansi ? 1 : 0, (int)p.Capabilities.ColorSystem, p.Capabilities.Unicode ? 1 : 0);
        }

        return info;
    }

    /// <summary>How to start <c>eeval</c> again: its app host when this process is it, else <c>dotnet eeval.dll</c>.</summary>
    private static (string Program, string[] Prefix) Entry()
    {
        var dll = typeof(EevalApp).Assembly.Location;
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self).Equals("eeval", StringComparison.OrdinalIgnoreCase))
        {
            return (self, []);
        }

        var dotnet = self is not null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? self
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
                ? host
                : FromRuntimeDirectory() ?? "dotnet";
        return (dotnet, [dll]);
    }

    // <root>/shared/Microsoft.NETCore.App/<version>/ → <root>/dotnet
    private static string? FromRuntimeDirectory()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var root = runtime is null ? null : Directory.GetParent(runtime)?.Parent?.Parent?.FullName;
        var candidate = root is null ? null : Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return candidate is not null && File.Exists(candidate) ? candidate : null;
    }

    /// <summary>
    /// The whole configuration as this process composed it (appsettings.json, EEVAL_ variables, --config, a test's
    /// overrides): the worker runs with exactly it, less the review audit key where the command does not write a batch.
    /// </summary>
    private static Dictionary<string, string> Snapshot(IConfiguration configuration, bool review)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (value is not null && (review || !ReviewSecrets.Contains(key, StringComparer.OrdinalIgnoreCase)))
            {
                values[key] = value;
            }
        }

        return values;
    }

    /// <summary>The command's name: <c>screen</c>, <c>review screen</c>, <c>plugins validate</c> …</summary>
    internal static string Command(string[] args) =>
        args switch
        {
            ["review" or "plugins", var sub, ..] => $"{args[0]} {sub}",
            [var first, ..] => first,
            _ => "",
        };

    private static bool HasPluginsFolder(string[] args, IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(Option(args, "--plugins", "-p") ?? configuration[$"{PluginsOptions.SectionName}:Directory"]);

    private static string? Option(string[] args, string name, string shortName)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if ((args[i] == name || args[i] == shortName) && i + 1 < args.Length)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith(name + "=", StringComparison.Ordinal))
            {
                return args[i][(name.Length + 1)..];
            }
        }

        return null;
    }

    // The worker's unpublished result set (screen, notices): its staging folder beside the output folder.
    private static void RemoveStaging(string[] args, int workerId)
    {
        if (Command(args) is "screen" or "notices" && (Option(args, "--out", "-o") ?? (Command(args) == "screen" ? "out" : null)) is { } output)
        {
            ResultSet.RemoveStagingOf(output, workerId);
        }
    }
}
