using EnterpriseEval.Host.Cli;
using EnterpriseEval.Engine;
using EnterpriseEval.Workflow.Review;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary><c>eeval review publicize</c>: the publicity period and list; with <c>--objection</c>, records an objection.</summary>
internal sealed class ReviewPublicizeCommand(ReviewStoreFactory stores, BatchPublicity publicity, ReviewDocuments documents, TimeProvider time, IAnsiConsole console)
    : Command<ReviewPublicizeSettings>
{
    public override int Execute(CommandContext context, ReviewPublicizeSettings settings, CancellationToken cancellationToken)
    {
        using var store = stores.Open(settings.Store);
        var batch = ReviewStoreFactory.Batch(store, settings.Batch!);
        if (settings.Objection is not null)
        {
            var on = settings.Date is null ? DateOnly.FromDateTime(time.GetLocalNow().Date) : DateArgument.Parse(settings.Date);
            var (o, again) = publicity.Object(store, batch, settings.Objection, settings.Reason ?? "", on, settings.UserName);
            if (again)
            {
                console.MarkupLine($"该异议此前已登记（异议 #{o.Id}，工号 {ConsoleText.Escape(o.EmployeeId)}，{ConsoleText.Escape(Dates.Chinese(o.RaisedOn))}，登记人 {ConsoleText.Escape(o.RecordedBy)}，{ConsoleText.Escape(ObjectionOutcome.Chinese(o.Status))}），未重复记录。");
                return 0;
            }

            console.MarkupLine($"[bold]已登记异议 #{o.Id}[/]：工号 {ConsoleText.Escape(o.EmployeeId)}，{ConsoleText.Escape(Dates.Chinese(o.RaisedOn))}，{ConsoleText.Escape(o.Reason)}。发文前须处理：eeval review resolve --objection {o.Id} --upheld 或 --dismissed --reason 理由。");
            return 0;
        }

        // The batch's plug-ins and their templates load (and are checked) before the publicity is recorded.
        using var batchDocuments = settings.Out is null ? null : documents.Open(store, batch);
        var p = publicity.Publicize(store, batch, settings.Start is null ? null : DateArgument.Parse(settings.Start), settings.Days, settings.UserName);
        var passed = store.Votes(batch.Id).Where(v => v.Passed).ToList();
        console.MarkupLine($"[bold]公示期[/]：{ConsoleText.Escape(Dates.Chinese(p.Start))}至{ConsoleText.Escape(Dates.Chinese(p.End))}（{p.WorkingDays} 个工作日，不含周末与节假日），公示 {passed.Count} 人。");
        foreach (var v in passed)
        {
            console.MarkupLine($"  {ConsoleText.Escape(v.EmployeeId)} {ConsoleText.Escape(v.Name)} {ConsoleText.Escape(ReviewExports.LevelName(v.TargetLevel))}");
        }

        if (settings.Out is not null && batchDocuments is not null)
        {
            console.MarkupLine($"已导出 {ConsoleText.Escape(ReviewExports.Publicity(settings.Out, p, passed))}");
            foreach (var file in batchDocuments.PublicityList(settings.Out, p, passed))
            {
                console.MarkupLine($"已生成公示文书 {ConsoleText.Escape(file)}");
            }
        }

        return 0;
    }
}
