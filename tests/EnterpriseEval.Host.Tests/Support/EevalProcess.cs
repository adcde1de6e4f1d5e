using System.Diagnostics;
using System.Text;

namespace EnterpriseEval.Host.Tests.Support;

/// <summary>Runs <c>eeval</c> as a real process (for what only a process can show: being killed).</summary>
internal static class EevalProcess
{
    private static readonly string Entry = Path.Combine(AppContext.BaseDirectory, "eeval.dll");

    public static Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null) =>
        Start(args, environment, _ => { });

    /// <summary>Runs to the end (at most a minute) and returns the exit status, what it printed and how long it took.</summary>
    public static async Task<(int ExitCode, string Output, TimeSpan Elapsed)> RunAsync(
        IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var output = new StringBuilder();
        var watch = Stopwatch.StartNew();
        using var process = Start(args, environment, line =>
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        });
        var exit = await WaitAsync(process);
        lock (output)
        {
            return (exit, output.ToString(), watch.Elapsed);
        }
    }

    private static Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment, Action<string> line)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(Entry);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("eeval did not start");
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                line(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                line(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Waits at most a minute; a process still running then is killed and the test fails.</summary>
    public static async Task<int> WaitAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("eeval did not finish within a minute");
        }

        return process.ExitCode;
    }
}
