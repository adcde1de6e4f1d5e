using EnterpriseEval.Host.Cli;
using EnterpriseEval.Workflow.Review;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary><c>eeval review screen</c>: imports the roster into the batch and screens it, resumably.</summary>
internal sealed class ReviewScreenCommand(ReviewStoreFactory stores, BatchScreening screening, IAnsiConsole console) : Command<ReviewScreenSettings>
{
    public override int Execute(CommandContext context, ReviewScreenSettings settings, CancellationToken cancellationToken)
    {
        using var store = stores.Open(settings.Store);
        var batch = ReviewStoreFactory.Batch(store, settings.Batch!);
        var r = screening.Run(store, batch, settings.Roster, settings.Plugins, settings.UserName, settings.StopAfter, cancellationToken);
        if (r.Imported)
        {
            console.MarkupLine($"已导入花名册；拒收 {r.Rejects} 行。");
            foreach (var warning in r.Warnings)
            {
                console.MarkupLine($"[yellow]注意：[/]{ConsoleText.Escape(warning)}");
            }
        }

        if (r.ApplicationsWarning is { } empty)
        {
            console.MarkupLine($"[yellow]警告：[/]{ConsoleText.Escape(empty)}");
        }

        if (r.ResumedFrom > 0 && r.ResumedFrom < r.Total)
        {
            console.MarkupLine($"从第 {r.ResumedFrom + 1} 名员工续跑（此前已提交 {r.ResumedFrom} 名）。");
        }

        if (r.Stopped)
        {
            console.MarkupLine($"[yellow]已中止：[/]已提交 {r.Done}/{r.Total} 名员工，再次运行 review screen 将从中断处继续。");
            return EevalApp.FailureExitCode;
        }

        console.MarkupLine($"[bold]资格筛查完成[/]：{r.Total} 名员工，{r.Decisions} 条决策已存入批次 {ConsoleText.Escape(batch.Name)}。");
        if (r.NotApplied > 0)
        {
            console.MarkupLine($"花名册有申报表，只筛查申报人员：{r.NotApplied} 名员工未申报，未参加筛查，不进入本批次。");
        }

        if (settings.Out is not null)
        {
            console.MarkupLine($"已导出 {ConsoleText.Escape(ReviewExports.Decisions(settings.Out, store.Decisions(batch.Id)))}");
        }

        return 0;
    }
}
