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
        var report = ProgressDisplay.Run(console, progress => job.Run(request, progress, cancellationToken));
        ScreeningSummaryView.Render(console, report, settings.Out);
        return 0;
    }
}
