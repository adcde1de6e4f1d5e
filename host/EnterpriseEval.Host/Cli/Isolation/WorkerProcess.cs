using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using EnterpriseEval.Engine.Output;
using EnterpriseEval.Engine.Plugins;
using Spectre.Console;

namespace EnterpriseEval.Host.Cli.Isolation;

/// <summary>
/// Process isolation, the worker's side (docs/plugins.md, "Process isolation"): marks calls into plug-in code, records
/// what ends the process early (<c>Environment.Exit</c> from plug-in code, an unhandled exception on a plug-in's thread
/// or in its finalizer, a hanging <c>Dispose</c>), drops what it can, and writes its completion record only when the
/// command really finished, then exits at once so a thread a plug-in left running cannot keep it alive.
/// </summary>
internal sealed partial class WorkerProcess
{
    private readonly string _channel;
    private readonly CancellationTokenSource _stopping = new();
    private volatile bool _completed;

    private WorkerProcess(string channel) => _channel = channel;

    /// <summary>Ended when the parent closes the worker's stdin (Ctrl+C, a cancelled run, the parent gone).</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>The console the command writes to: the inherited terminal, or plain text as the parent's console renders.</summary>
    public IAnsiConsole Console { get; private set; } = AnsiConsole.Console;

    /// <summary>The worker of this process, when it is one.</summary>
    public static WorkerProcess? FromEnvironment()
    {
        var channel = Environment.GetEnvironmentVariable(PluginWorker.ChannelVariable);
        if (string.IsNullOrEmpty(channel) || !Directory.Exists(channel))
        {
            return null;
        }

        // Plug-in code has no use for the channel: the variable goes before any of it runs (it is not a secret either —
        // docs/plugins.md, "Process isolation", says what the record does and does not prove).
        Environment.SetEnvironmentVariable(PluginWorker.ChannelVariable, null);
        Current = new WorkerProcess(channel);
        Current.Start();
        return Current;
    }

    /// <summary>This process's worker side, when it is a worker.</summary>
    public static WorkerProcess? Current { get; private set; }

    /// <summary>The configuration the parent composed (<see cref="PluginWorker.ConfigurationFile"/>).</summary>
    public static Dictionary<string, string?> Configuration()
    {
        var channel = Current?._channel ?? throw new InvalidOperationException("not a worker");
        var values = JsonSerializer.Deserialize<Dictionary<string, string?>>(File.ReadAllText(Path.Combine(channel, PluginWorker.ConfigurationFile))) ?? [];
        return new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Records that the command finished with <paramref name="exitCode"/> and ends the process.</summary>
    public void Complete(int exitCode)
    {
        System.Console.Out.Flush();
        System.Console.Error.Flush();
        _completed = true;
        var path = Path.Combine(_channel, PluginWorker.CompletionFile);
        File.WriteAllText(path + ".tmp", exitCode.ToString(CultureInfo.InvariantCulture));
        File.Move(path + ".tmp", path);

        // Not a return from Main: a foreground thread a plug-in started would keep the process alive.
        Environment.Exit(exitCode);
    }

    private void Start()
    {
        PluginCallMarker.Attach(_channel);
        if (Configuration().TryGetValue(PluginWorker.DisposeTimeoutKey, out var limit)
            && int.TryParse(limit, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) && ms > 0)
        {
            PluginCallMarker.BoundedLimit = TimeSpan.FromMilliseconds(ms);
        }

        PluginCallMarker.Hung = (plugin, member) =>
        {
            Record("hung", plugin, member);
            Environment.Exit(PluginWorker.WorkerFailedExitCode);
        };
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            var exception = e.ExceptionObject as Exception;
            var plugin = (exception is null ? null : PluginCallMarker.Thrower(exception)) ?? PluginCallMarker.Current ?? "";
            var finalizer = exception?.StackTrace?.Contains(".Finalize()", StringComparison.Ordinal) == true;
            Record(finalizer ? "finalizer" : "unhandled", plugin, exception is null ? "?" : $"{exception.GetType().Name}: {IdentityScrubber.Scrub(exception.Message)}");
        };
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (!_completed)
            {
                // Not the run's own end: plug-in code called Environment.Exit. The event may be raised on another thread
                // than the caller's; where the plug-in is not on this stack, the caller's marker slot names it.
                var plugin = PluginCallMarker.OnStack(new StackTrace()) ?? PluginCallMarker.Current ?? "";
                Record("exit", plugin, Environment.ExitCode.ToString(CultureInfo.InvariantCulture));
            }
        };

        if (Environment.GetEnvironmentVariable(PluginWorker.ConsoleVariable) is { } shape)
        {
            Console = Plain(shape);
            Environment.SetEnvironmentVariable(PluginWorker.ConsoleVariable, null);
        }

        DropPrivileges();

        // The parent never writes to stdin; its end closing is the signal to stop.
        var watcher = new Thread(() =>
        {
            try
            {
                using var stdin = System.Console.OpenStandardInput();
                var buffer = new byte[64];
                while (stdin.Read(buffer) > 0)
                {
                }
            }
            catch (IOException)
            {
            }

            _stopping.Cancel();
        })
        {
            IsBackground = true,
            Name = "parent watcher",
        };
        watcher.Start();
    }

    private void Record(string kind, string plugin, string detail)
    {
        try
        {
            var path = Path.Combine(_channel, PluginWorker.CrashFile);
            if (!File.Exists(path))
            {
                File.WriteAllText(path, $"{kind}\n{plugin.ReplaceLineEndings(" ")}\n{detail.ReplaceLineEndings(" ")}\n", Encoding.UTF8);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The parent still has the marker.
        }
    }

    private static IAnsiConsole Plain(string shape)
    {
        var parts = shape.Split(';');
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = parts.Length > 1 && parts[1] == "1" ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = parts.Length > 2 && int.TryParse(parts[2], out var colors) ? (ColorSystemSupport)colors : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(System.Console.Out),
        });
        if (int.TryParse(parts[0], out var width))
        {
            console.Profile.Width = width;
        }

        console.Profile.Capabilities.Unicode = parts.Length > 3 && parts[3] == "1";
        return console;
    }

    /// <summary>
    /// What the worker gives up where the operating system lets a process do so on its own (docs/plugins.md): on Linux,
    /// <c>PR_SET_NO_NEW_PRIVS</c>: nothing it starts gains privileges through set-uid files or file capabilities.
    /// </summary>
    private static void DropPrivileges()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = Native.Prctl(Native.SetNoNewPrivs, 1, 0, 0, 0);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // Not a glibc/musl Linux: nothing dropped.
        }
    }

    private static partial class Native
    {
        public const int SetNoNewPrivs = 38;

        [LibraryImport("libc", EntryPoint = "prctl", SetLastError = true)]
        public static partial int Prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);
    }
}
