using EnterpriseEval.Host.Cli;
using EnterpriseEval.Workflow.Review;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary>
/// <c>eeval review resolve</c>: HR's resolution of an objection lodged during the publicity — upheld (no notice for the
/// candidate) or dismissed (issued as passed), with a reason; <c>review issue</c> refuses while any objection is open.
/// </summary>
internal sealed class ReviewResolveCommand(ReviewStoreFactory stores, BatchPublicity publicity, TimeProvider time, IAnsiConsole console)
    : Command<ReviewResolveSettings>
{
    public override int Execute(CommandContext context, ReviewResolveSettings settings, CancellationToken cancellationToken)
    {
        using var store = stores.Open(settings.Store);
        var batch = ReviewStoreFactory.Batch(store, settings.Batch!);
        var on = settings.Date is null ? DateOnly.FromDateTime(time.GetLocalNow().Date) : DateArgument.Parse(settings.Date);
        var outcome = settings.Upheld ? ObjectionOutcome.Upheld : ObjectionOutcome.Dismissed;
        var o = publicity.Resolve(store, batch, settings.Objection!.Value, outcome, settings.Reason!, on, settings.UserName);
        console.MarkupLine(
            $"[bold]已处理异议 #{o.Id}[/]（工号 {ConsoleText.Escape(o.EmployeeId)}）：{ConsoleText.Escape(ObjectionOutcome.Chinese(outcome))}，"
            + $"{(outcome == ObjectionOutcome.Upheld ? "发文时该候选人不予发文" : "发文时该候选人照常发文")}。");
        var open = store.Objections(batch.Id).Count(x => x.IsOpen);
        console.MarkupLine(open == 0 ? "本批次的异议已全部处理，可以发文（eeval review issue）。" : $"本批次还有 {open} 条异议待处理。");
        return 0;
    }
}
