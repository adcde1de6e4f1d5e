using EnterpriseEval.Host.Cli;
using EnterpriseEval.Workflow.Review;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary><c>eeval review vote</c>: imports committee votes and applies the pass rule.</summary>
internal sealed class ReviewVoteCommand(ReviewStoreFactory stores, BatchVoting voting, TimeProvider time, IAnsiConsole console) : Command<ReviewVoteSettings>
{
    public override int Execute(CommandContext context, ReviewVoteSettings settings, CancellationToken cancellationToken)
    {
        using var store = stores.Open(settings.Store);
        var batch = ReviewStoreFactory.Batch(store, settings.Batch!);
        var date = settings.Date is null ? DateOnly.FromDateTime(time.GetLocalNow().Date) : DateArgument.Parse(settings.Date);
        var result = voting.Run(store, batch, settings.File!, date, settings.UserName);
        var table = new Table().Border(TableBorder.Rounded).AddColumn("工号").AddColumn("姓名").AddColumn("层级").AddColumn("结果").AddColumn("说明");
        foreach (var v in result.Votes)
        {
            table.AddRow(ConsoleText.Escape(v.EmployeeId), ConsoleText.Escape(v.Name), ConsoleText.Escape(ReviewExports.LevelName(v.TargetLevel)), v.Passed ? "通过" : "[yellow]未通过[/]", ConsoleText.Escape(v.Reason));
        }

        console.Write(table);
        foreach (var r in result.Rejects)
        {
            console.MarkupLine($"[yellow]拒收：[/]{ConsoleText.Escape($"{r.File} 第 {r.Row} 行 {r.Column}（{r.Value}）：{r.Reason}")}");
        }

        console.MarkupLine($"[bold]表决已记录[/]：{result.Votes.Count} 条，通过 {result.Votes.Count(v => v.Passed)} 条，拒收 {result.Rejects.Count} 行。");
        if (settings.Out is not null)
        {
            console.MarkupLine($"已导出 {ConsoleText.Escape(ReviewExports.Votes(settings.Out, result.Votes))}");
        }

        return 0;
    }
}
