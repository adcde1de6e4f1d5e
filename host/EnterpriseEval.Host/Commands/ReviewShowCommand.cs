using EnterpriseEval.Host.Cli;
using EnterpriseEval.Engine;
using EnterpriseEval.Workflow.Review;
using EnterpriseEval.Workflow.Review.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary><c>eeval review show</c>: the status of a batch, or one employee's history in it.</summary>
internal sealed class ReviewShowCommand(ReviewStoreFactory stores, IAnsiConsole console) : Command<ReviewShowSettings>
{
    public override int Execute(CommandContext context, ReviewShowSettings settings, CancellationToken cancellationToken)
    {
        using var store = stores.Open(settings.Store);
        var batch = ReviewStoreFactory.Find(store, settings.Batch!);
        if (settings.Employee is { } id)
        {
            ShowEmployee(store, batch, id);
            return 0;
        }

        var d = batch.Definition;
        console.MarkupLine($"[bold]批次[/] {ConsoleText.Escape(d.Name)}：{d.Year}年度，截止日期 {ConsoleText.Escape(Dates.Chinese(d.AsOf))}，系列 {ConsoleText.Escape(d.Series)}，层级 {ConsoleText.Escape(d.Levels)}");
        console.MarkupLine($"授权：{ConsoleText.Escape(d.Authorisation)}");
        console.MarkupLine($"插件：{ConsoleText.Escape(d.Plugins)}；规则集 {ConsoleText.Escape(d.RuleSetVersion)}");
        var progress = store.ScreenProgress(batch.Id);
        var decisions = store.Decisions(batch.Id);
        console.MarkupLine($"资格筛查：{progress.Done}/{progress.Total?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "未开始"} 名员工，{decisions.Count} 条决策，候选人 {new BatchScope(d).Candidates(decisions).Count} 条");
        var votes = store.Votes(batch.Id);
        console.MarkupLine($"业绩评分 {store.Scores(batch.Id).Count} 条；表决 {votes.Count} 条（通过 {votes.Count(v => v.Passed)}）；异议 {store.Objections(batch.Id).Count} 条；通知书 {store.Notices(batch.Id).Count} 份");
        if (store.Publicity(batch.Id) is { } p)
        {
            console.MarkupLine($"公示期：{ConsoleText.Escape(Dates.Chinese(p.Start))}至{ConsoleText.Escape(Dates.Chinese(p.End))}");
        }

        if (store.BallotRound(batch.Id) is { } round)
        {
            var voted = store.BallotVoters(batch.Id).Select(v => v.UserName).Distinct(StringComparer.Ordinal).Count();
            console.MarkupLine($"无记名投票：{ConsoleText.Escape(Dates.Chinese(round.OpenedOn))}开启，评委会 {round.Committee} 人，已有 {voted} 人投票，{(BatchBallot.IsOpen(store, batch) ? "进行中" : "已结束")}");
        }

        foreach (var o in store.Objections(batch.Id))
        {
            console.MarkupLine(
                $"异议 #{o.Id}：工号 {ConsoleText.Escape(o.EmployeeId)}，{ConsoleText.Escape(Dates.Chinese(o.RaisedOn))}，{ConsoleText.Escape(o.Reason)} — "
                + (o.Resolution is { } r
                    ? $"{ConsoleText.Escape(ObjectionOutcome.Chinese(r.Outcome))}（{ConsoleText.Escape(Dates.Chinese(r.ResolvedOn))}，{ConsoleText.Escape(r.ResolvedBy)}：{ConsoleText.Escape(r.Reason)}）"
                    : "[yellow]待处理[/]"));
        }

        var log = new Table().Border(TableBorder.Rounded).Title("审计日志").AddColumn("#").AddColumn("步骤").AddColumn("操作人").AddColumn("时间（UTC）").AddColumn("内容");
        foreach (var e in store.Audit(batch.Id))
        {
            log.AddRow($"{e.Seq}", ConsoleText.Escape(e.Step), ConsoleText.Escape(e.User), ConsoleText.Escape(e.At), ConsoleText.Escape(AuditDetail.Summary(e.Detail)));
        }

        console.Write(log);
        return 0;
    }

    private void ShowEmployee(IReviewStore store, ReviewBatch batch, string id)
    {
        var decisions = store.Decisions(batch.Id).Where(d => d.EmployeeId == id).ToList();
        if (decisions.Count == 0)
        {
            throw new UserFacingException($"批次“{batch.Name}”中没有工号 {id} 的决策记录");
        }

        console.MarkupLine($"[bold]{ConsoleText.Escape(id)} {ConsoleText.Escape(decisions[0].Name)}[/] 在批次 {ConsoleText.Escape(batch.Name)} 中的记录：");
        foreach (var d in decisions)
        {
            console.MarkupLine($"  决策：{ConsoleText.Escape(ReviewExports.PathName(d.Path))} {ConsoleText.Escape(ReviewExports.LevelName(d.TargetLevel))} → {ConsoleText.Escape(d.Outcome)} {ConsoleText.Escape(d.RuleIds)}");
            console.MarkupLine($"    理由：{ConsoleText.Escape(d.Reasons)}");
        }

        foreach (var s in store.Scores(batch.Id).Where(s => s.EmployeeId == id))
        {
            console.MarkupLine($"  业绩评分（{ConsoleText.Escape(s.PluginId)}）：{s.Total} 分，合格线 {s.PassMark}，{(s.Passed ? "合格" : "不合格")}");
        }

        foreach (var v in store.Votes(batch.Id).Where(v => v.EmployeeId == id))
        {
            console.MarkupLine($"  表决：{ConsoleText.Escape(ReviewExports.LevelName(v.TargetLevel))} {ConsoleText.Escape(v.Reason)}");
        }

        if (store.Publicity(batch.Id) is { } p && store.Votes(batch.Id).Any(v => v.EmployeeId == id && v.Passed))
        {
            console.MarkupLine($"  公示：{ConsoleText.Escape(Dates.Chinese(p.Start))}至{ConsoleText.Escape(Dates.Chinese(p.End))}");
        }

        foreach (var o in store.Objections(batch.Id).Where(o => o.EmployeeId == id))
        {
            console.MarkupLine($"  异议 #{o.Id}：{ConsoleText.Escape(Dates.Chinese(o.RaisedOn))} {ConsoleText.Escape(o.Reason)}（登记人 {ConsoleText.Escape(o.RecordedBy)}）— {ConsoleText.Escape(ObjectionOutcome.Chinese(o.Status))}{(o.Resolution is { } r ? $"：{ConsoleText.Escape(r.Reason)}" : "")}");
        }

        foreach (var n in store.Notices(batch.Id).Where(n => n.EmployeeId == id))
        {
            console.MarkupLine($"  通知书：{ConsoleText.Escape(n.File)}（SHA-256 {ConsoleText.Escape(n.Sha256[..12])}…）");
        }
    }
}
