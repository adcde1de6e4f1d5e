using EnterpriseEval.Host.Cli;
using EnterpriseEval.Workflow.Review;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary><c>eeval review score</c>: the plug-ins' achievement scoring for the batch's candidates.</summary>
internal sealed class ReviewScoreCommand(ReviewStoreFactory stores, BatchScoring scoring, IAnsiConsole console) : Command<ReviewScoreSettings>
{
    public override int Execute(CommandContext context, ReviewScoreSettings settings, CancellationToken cancellationToken)
    {
        using var store = stores.Open(settings.Store);
        var batch = ReviewStoreFactory.Batch(store, settings.Batch!);
        var scores = scoring.Run(store, batch, settings.Plugins, settings.UserName);
        var table = new Table().Border(TableBorder.Rounded).AddColumn("工号").AddColumn("姓名").AddColumn("插件").AddColumn("积分").AddColumn("合格线").AddColumn("结果");
        foreach (var s in scores)
        {
            table.AddRow(ConsoleText.Escape(s.EmployeeId), ConsoleText.Escape(s.Name), ConsoleText.Escape(s.PluginId), $"{s.Total}", $"{s.PassMark}", s.Passed ? "合格" : "不合格");
        }

        console.Write(table);
        console.MarkupLine(scores.Count == 0 ? "业绩评分完成：本批次插件不提供业绩评分，或没有候选人。" : $"[bold]业绩评分完成[/]：{scores.Count} 条。");
        if (settings.Out is not null)
        {
            console.MarkupLine($"已导出 {ConsoleText.Escape(ReviewExports.Scores(settings.Out, scores))}");
        }

        return 0;
    }
}
