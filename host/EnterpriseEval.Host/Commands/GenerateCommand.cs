using System.Diagnostics;
using EnterpriseEval.Workflow.Generation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary><c>eeval generate</c>: writes a deterministic synthetic roster for demonstrations and measurements.</summary>
internal sealed class GenerateCommand(IAnsiConsole console) : Command<GenerateSettings>
{
    // Below this a progress bar would only flicker.
    private const int ProgressThreshold = 50_000;

    public override int Execute(CommandContext context, GenerateSettings settings, CancellationToken cancellationToken)
    {
        var request = new GenerationRequest(settings.Employees!.Value, settings.Seed, settings.Out!);
        var clock = Stopwatch.StartNew();
        var summary = WithProgress(request.Employees, progress => RosterGenerator.Generate(request, progress, cancellationToken));
        GenerateSummaryView.Render(console, request, summary, clock.Elapsed);
        return 0;
    }

    private GenerationSummary WithProgress(int total, Func<IProgress<int>?, GenerationSummary> run)
    {
        if (total < ProgressThreshold || !console.Profile.Capabilities.Interactive)
        {
            return run(null);
        }

        GenerationSummary? summary = null;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("生成花名册", maxValue: total);
                summary = run(new Progress<int>(n => task.Value = n));
            });
        return summary!;
    }
}
