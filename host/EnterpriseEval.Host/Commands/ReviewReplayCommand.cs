using EnterpriseEval.Host.Cli;
using EnterpriseEval.Workflow.Review;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary><c>eeval review replay</c>: re-runs the stored inputs and compares with the stored decisions.</summary>
internal sealed class ReviewReplayCommand(ReviewStoreFactory stores, BatchReplay replay, IAnsiConsole console) : Command<ReviewScoreSettings>
{
    public override int Execute(CommandContext context, ReviewScoreSettings settings, CancellationToken cancellationToken)
    {
        using var store = stores.Open(settings.Store);
        var batch = ReviewStoreFactory.Batch(store, settings.Batch!);
        var report = replay.Run(store, batch, settings.Plugins, settings.UserName);
        if (report.Identical)
        {
            console.MarkupLine($"[green]复现一致[/]：以记录的规则与插件版本重算 {report.Compared} 条决策，与存储的结论完全相同。");
            return 0;
        }

        console.MarkupLine($"[red]复现不一致[/]：{report.Differences.Count} 处差异。");
        foreach (var d in report.Differences)
        {
            console.MarkupLine($"  {ConsoleText.Escape(d)}");
        }

        foreach (var c in report.Causes)
        {
            console.MarkupLine($"[yellow]原因：[/]{ConsoleText.Escape(c)}");
        }

        return EevalApp.FailureExitCode;
    }
}
