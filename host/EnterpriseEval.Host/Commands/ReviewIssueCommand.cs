using EnterpriseEval.Host.Cli;
using EnterpriseEval.Workflow.Review;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary><c>eeval review issue</c>: once every objection is resolved, notices for those passed without an upheld objection, and the batch's workbooks.</summary>
internal sealed class ReviewIssueCommand(ReviewStoreFactory stores, BatchIssue issue, TimeProvider time, IAnsiConsole console) : Command<ReviewIssueSettings>
{
    public override int Execute(CommandContext context, ReviewIssueSettings settings, CancellationToken cancellationToken)
    {
        using var store = stores.Open(settings.Store);
        var batch = ReviewStoreFactory.Batch(store, settings.Batch!);
        var date = settings.Date is null ? DateOnly.FromDateTime(time.GetLocalNow().Date) : DateArgument.Parse(settings.Date);
        var report = issue.Run(store, batch, settings.Out, date, settings.UserName);
        console.MarkupLine($"[bold]发文完成[/]：{report.Notices.Count} 份通知书，写入 {ConsoleText.Escape(Path.GetFullPath(Path.Combine(settings.Out, "notices")))}");
        foreach (var w in report.Withheld)
        {
            console.MarkupLine($"[yellow]不予发文：[/]{ConsoleText.Escape(w)}（公示期内异议经核实成立）");
        }

        foreach (var file in report.Exports)
        {
            console.MarkupLine($"  {ConsoleText.Escape(Path.GetFileName(file))}");
        }

        console.MarkupLine($"归档清单：{ConsoleText.Escape(report.FilingList)}");
        console.MarkupLine($"审计链锚点：{ConsoleText.Escape(report.Head.Describe())}");

        return 0;
    }
}
