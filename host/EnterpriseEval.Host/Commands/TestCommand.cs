using EnterpriseEval.Engine.Cases;
using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Host.Cli;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary>
/// <c>eeval test</c>: runs declarative test cases (docs/test-cases.md) through the engine and prints, for each case that
/// fails, the path, what was expected, what came and the findings of that decision. Exit 0 when every case passes, 1
/// when some failed, 2 when a case file is invalid or a case cannot run. With plug-ins it runs in the worker process,
/// as <c>screen</c> does (PluginWorker).
/// </summary>
internal sealed class TestCommand(IConfiguration configuration, IOptions<PluginsOptions> options, IAnsiConsole console) : Command<TestSettings>
{
    /// <summary>Exit status when a case did not give what it expects.</summary>
    public const int FailedExitCode = 1;

    public override int Execute(CommandContext context, TestSettings settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<ScreeningCase> cases;
        try
        {
            cases = CaseFile.LoadAll(settings.Cases);
        }
        catch (CaseFileException e)
        {
            console.MarkupLine($"[red]用例文件有误：[/]{ConsoleText.Escape(e.Message)}");
            return EevalApp.FailureExitCode;
        }

        var runner = new CaseRunner(settings.Plugins ?? options.Value.Directory, configuration)
        {
            CriterionTimeout = TimeSpan.FromMilliseconds(options.Value.CriterionTimeoutMilliseconds),
        };
        int passed = 0, failed = 0, errors = 0;
        string? file = null;
        foreach (var testCase in cases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (testCase.File != file)
            {
                file = testCase.File;
                console.MarkupLine($"[bold]{ConsoleText.Escape(file)}[/]");
            }

            var result = runner.Run(testCase, cancellationToken);
            switch (result.Status)
            {
                case CaseStatus.Passed:
                    passed++;
                    console.MarkupLine($"  [green]通过[/] {ConsoleText.Escape(testCase.Name)}");
                    break;
                case CaseStatus.Failed:
                    failed++;
                    Print(result.Report);
                    break;
                default:
                    errors++;
                    Print(result.Report);
                    break;
            }
        }

        var colour = failed + errors == 0 ? "green" : "red";
        console.MarkupLine($"[{colour}]用例 {cases.Count} 个：通过 {passed} 个，未通过 {failed} 个，出错 {errors} 个。[/]");
        return errors > 0 ? EevalApp.FailureExitCode : failed > 0 ? FailedExitCode : 0;
    }

    // The report's first line names the case (未通过：… or 用例出错：…), the rest says why.
    private void Print(string report)
    {
        var lines = report.Split('\n');
        console.MarkupLine($"  [red]{ConsoleText.Escape(lines[0].TrimEnd('\r'))}[/]");
        foreach (var line in lines.Skip(1))
        {
            // Case names, facts and findings come from files and plug-ins: control characters made visible
            // (ConsoleText), then written as plain text, not through Spectre's word wrap, which would push a long Chinese
            // sentence (one "word" to it) onto a line of its own; the terminal folds it where it ends.
            var visible = ConsoleText.Escape(line.TrimEnd('\r')).Replace("[[", "[", StringComparison.Ordinal).Replace("]]", "]", StringComparison.Ordinal);
            console.Profile.Out.Writer.WriteLine("  " + visible);
        }
    }
}
