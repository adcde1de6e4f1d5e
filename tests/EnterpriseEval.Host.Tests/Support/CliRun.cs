using EnterpriseEval.Host.Cli;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace EnterpriseEval.Host.Tests.Support;

/// <summary>Runs <c>eeval</c> in-process and captures what a person would see.</summary>
internal sealed record CliRun(int ExitCode, string Output)
{
    public static async Task<CliRun> Of(string[] args, Action<HostApplicationBuilder>? configure = null)
    {
        var writer = new StringWriter();
        var code = await EevalApp.RunAsync(args, Console(writer), configure);
        return new CliRun(code, writer.ToString());
    }

    /// <summary>Runs <c>eeval</c> and asserts that it completed (exit 0), showing its output when it did not.</summary>
    public static async Task<string> Ok(string[] args)
    {
        var run = await Of(args);
        Assert.True(run.ExitCode == 0, run.Output);
        return run.Output;
    }

    /// <summary>A console that writes plain text (no colours, no progress bars) to <paramref name="writer"/>.</summary>
    public static IAnsiConsole Console(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 200;
        return console;
    }
}
