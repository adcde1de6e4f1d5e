using EnterpriseEval.Host.Cli;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace EnterpriseEval.Service.Tests.Support;

/// <summary>
/// <c>eeval serve --port 0 …</c> run in-process through the command line as a person starts it, with a test audit key:
/// what it printed, the address it announced, and its exit code once stopped.
/// </summary>
internal sealed class InProcessServe : IDisposable
{
    private readonly StringWriter _output = new();
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(60));
    private Task<int>? _run;

    /// <summary>Everything printed so far.</summary>
    public string Output => _output.ToString();

    /// <summary>The loopback address announced (「已启动：…」).</summary>
    public string Address { get; private set; } = "";

    /// <summary>Starts <c>eeval serve --port 0</c> with <paramref name="arguments"/> and waits (at most 30 s) for its address.</summary>
    public static async Task<InProcessServe> StartAsync(TempFolder folder, string[] arguments, Action<HostApplicationBuilder>? configure = null)
    {
        var serve = new InProcessServe();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(TextWriter.Synchronized(serve._output)) });
        console.Profile.Width = 400;
        var key = Path.Combine(folder.Path, "audit.key");
        File.WriteAllText(key, Workflow.Review.Store.AuditKey.NewText());
        serve._run = EevalApp.RunAsync(
            ["serve", "--port", "0", .. arguments],
            console,
            b =>
            {
                b.Configuration["EnterpriseEval:Review:AuditKeyFile"] = key;
                configure?.Invoke(b);
            },
            serve._stop.Token);

        for (var i = 0; i < 300 && serve.Address.Length == 0 && !serve._run.IsCompleted; i++)
        {
            await Task.Delay(100);
            serve.Address = System.Text.RegularExpressions.Regex.Match(serve.Output, @"已启动：(http://127\.0\.0\.1:\d+)") is { Success: true } m ? m.Groups[1].Value : "";
        }

        Assert.True(serve.Address.Length > 0, serve.Output);
        return serve;
    }

    /// <summary>Stops the service as Ctrl+C does; its exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await _run!;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        _output.Dispose();
    }
}
