using EnterpriseEval.Runtime.Screening;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary><c>eeval screen</c>: screens a roster and writes the four result files.</summary>
internal sealed class ScreenCommand(ScreeningJob job, IAnsiConsole console) : Command<ScreenSettings>
{
    public override int Execute(CommandContext context, ScreenSettings settings, CancellationToken cancellationToken)
    {
        var request = new ScreeningRequest(settings.Roster!, settings.ParsedAsOf, settings.Out, settings.Plugins);
        var report = WithProgress(progress => job.Run(request, progress, cancellationToken));
        ScreeningSummaryView.Render(console, report, settings.Out);
        return 0;
    }

    private ScreeningReport WithProgress(Func<IProgress<ScreeningStage>?, ScreeningReport> run)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return run(null);
        }

        ScreeningReport? report = null;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("读取花名册");
                report = run(new Progress<ScreeningStage>(s =>
                {
                    task.Description = s.Name;
                    task.MaxValue = Math.Max(1, s.Total);
                    task.Value = s.Done;
                }));
            });
        return report!;
    }
}
