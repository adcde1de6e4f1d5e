using EnterpriseEval.Engine;
using EnterpriseEval.Host.Cli;
using EnterpriseEval.Workflow.Review;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary>
/// <c>eeval review ballot open</c>: opens the batch's secret ballot (docs/service.md, "Secret ballot") with the committee's
/// accounts; the members cast their ballots in <c>eeval serve</c> (the ballot page or the API), each signed in.
/// </summary>
internal sealed class ReviewBallotOpenCommand(ReviewStoreFactory stores, BatchBallot ballots, TimeProvider time, IAnsiConsole console)
    : Command<ReviewBallotOpenSettings>
{
    public override int Execute(CommandContext context, ReviewBallotOpenSettings settings, CancellationToken cancellationToken)
    {
        using var store = stores.OpenAccounts(settings.Store);
        var batch = ReviewStoreFactory.Batch(store, settings.Batch!);
        var on = settings.Date is null ? DateOnly.FromDateTime(time.GetLocalNow().Date) : DateArgument.Parse(settings.Date);
        var round = ballots.Open(store, store, batch, settings.MemberList, on, settings.UserName);
        console.MarkupLine(
            $"[bold]已开启无记名投票[/]：{ConsoleText.Escape(Dates.Chinese(round.OpenedOn))}，评委会 {round.Committee} 人，候选人 {BatchBallot.Candidates(store, batch).Count} 人。"
            + "评委登录 eeval serve 在“无记名投票”页逐一投票；投票结束后运行 eeval review ballot close 计票。");
        return 0;
    }
}

/// <summary>
/// <c>eeval review ballot close</c>: closes the batch's secret ballot and tallies it — the batch's vote step, the same
/// votes as <c>review vote</c> — with the ballots sealed in the audit chain.
/// </summary>
internal sealed class ReviewBallotCloseCommand(ReviewStoreFactory stores, BatchBallot ballots, TimeProvider time, IAnsiConsole console)
    : Command<ReviewBallotCloseSettings>
{
    public override int Execute(CommandContext context, ReviewBallotCloseSettings settings, CancellationToken cancellationToken)
    {
        using var store = stores.Open(settings.Store);
        var batch = ReviewStoreFactory.Batch(store, settings.Batch!);
        var on = settings.Date is null ? DateOnly.FromDateTime(time.GetLocalNow().Date) : DateArgument.Parse(settings.Date);
        var votes = ballots.Close(store, batch, on, settings.UserName);
        var table = new Table().Border(TableBorder.Rounded).AddColumn("工号").AddColumn("姓名").AddColumn("层级").AddColumn("出席/赞成/反对/弃权").AddColumn("结果").AddColumn("说明");
        foreach (var v in votes)
        {
            table.AddRow(
                ConsoleText.Escape(v.EmployeeId), ConsoleText.Escape(v.Name), ConsoleText.Escape(ReviewExports.LevelName(v.TargetLevel)),
                $"{v.Present}/{v.For}/{v.Against}/{v.Abstain}", v.Passed ? "通过" : "[yellow]未通过[/]", ConsoleText.Escape(v.Reason));
        }

        console.Write(table);
        console.MarkupLine($"[bold]无记名投票已结束并计票[/]：候选人 {votes.Count} 人，通过 {votes.Count(v => v.Passed)} 人；选票已封存入审计链。");
        return 0;
    }
}
