using EnterpriseEval.Engine;
using EnterpriseEval.Engine.Screening;
using EnterpriseEval.Workflow.Watching;
using EnterpriseEval.Sdk.Screening;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary><c>eeval screen</c>: screens a roster and writes the four result files; with <c>--watch</c>, again on every change.</summary>
internal sealed class ScreenCommand(ScreeningJob job, WatchLoop watch, IAnsiConsole console) : AsyncCommand<ScreenSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ScreenSettings settings, CancellationToken cancellationToken)
    {
        var request = new ScreeningRequest(settings.Roster!, settings.ParsedAsOf, settings.Out, settings.Plugins, settings.AllowStatutoryOnly);
        if (!settings.Watch)
        {
            // Nothing is compared afterwards, so the roster is screened and written in one stream and its decisions
            // are never all held at once (BENCHMARKS.md).
            var report = ProgressDisplay.Run(console, progress => job.Run(request, progress, cancellationToken));
            ScreeningSummaryView.Render(console, report, request.OutputDirectory);
            return 0;
        }

        var previous = RunOnce(request, cancellationToken);
        await watch.RunAsync(settings.Plugins, settings.Roster!, _ =>
        {
            var current = RunOnce(request, cancellationToken);
            watch.PrintDiff(DecisionDiff.Between(previous, current));
            previous = current;
        }, cancellationToken).ConfigureAwait(false);
        return 0;
    }

    /// <summary>One full run through the engine: load plug-ins, screen, write, show the summary, unload.</summary>
    private List<Decision> RunOnce(ScreeningRequest request, CancellationToken ct)
    {
        var memory = new InMemoryDecisionSink();
        var report = ProgressDisplay.Run(console, progress => job.Run(request, memory, progress, ct));
        ScreeningSummaryView.Render(console, report, request.OutputDirectory);
        return [.. memory.Decisions];
    }
}
