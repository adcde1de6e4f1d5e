using EnterpriseEval.Engine.Notices;
using System.Globalization;
using EnterpriseEval.Workflow.Review.Store;
using Microsoft.Extensions.Options;
using EnterpriseEval.Engine;

namespace EnterpriseEval.Workflow.Review;

/// <summary>
/// <c>review publicize</c>: the publicity period of those the committee passed (project default 5 working days,
/// starting on the first working day after the vote), and objections recorded against a candidate during it.
/// </summary>
internal sealed class BatchPublicity(IOptions<ReviewOptions> options)
{
    public StoredPublicity Publicize(IReviewStore store, ReviewBatch batch, DateOnly? start, int? workingDays, string user)
    {
        BatchSteps.RequireDone(store, batch, "vote", "vote");
        using var lease = store.Lock();
        BatchSteps.RequireNotDone(store, batch, "publicize", "公示");
        var calendar = WorkingCalendar.From(options.Value);
        var days = workingDays ?? options.Value.PublicityWorkingDays;
        if (days < 1)
        {
            throw new UserFacingException($"公示期应至少 1 个工作日，收到 {days}");
        }

        var first = start ?? calendar.NextWorkingDay(store.VotedOn(batch.Id)!.Value);
        var publicity = new StoredPublicity(first, calendar.End(first, days), days, Join(calendar.Holidays), Join(calendar.WorkingWeekends));
        var passed = store.Votes(batch.Id).Count(v => v.Passed);
        store.SavePublicity(batch.Id, publicity, new AuditDraft(
            "publicize",
            user,
            $"公示：{passed} 人，{Dates.Chinese(publicity.Start)}至{Dates.Chinese(publicity.End)}（{days} 个工作日）",
            new Dictionary<string, string> { ["candidates"] = $"{passed}" }));
        lease.Commit();
        return publicity;
    }

    /// <summary>
    /// Records an objection once: the same objection (employee, day, text) recorded again, or by two commands at once,
    /// is kept once and reported as already recorded.
    /// </summary>
    /// <returns>The objection, and whether it had been recorded before.</returns>
    public (StoredObjection Objection, bool AlreadyRecorded) Object(IReviewStore store, ReviewBatch batch, string employeeId, string reason, DateOnly raisedOn, string user)
    {
        var publicity = store.Publicity(batch.Id) ?? throw new UserFacingException($"批次“{batch.Name}”尚未公示，不能登记异议");
        if (raisedOn < publicity.Start || raisedOn > publicity.End)
        {
            throw new UserFacingException($"异议日期{Dates.Chinese(raisedOn)}不在公示期（{Dates.Chinese(publicity.Start)}至{Dates.Chinese(publicity.End)}）内");
        }

        if (!store.Votes(batch.Id).Any(v => v.Passed && v.EmployeeId == employeeId))
        {
            throw new UserFacingException($"工号 {employeeId} 不在本批次的公示名单中");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new UserFacingException("请用 --reason 写明异议内容");
        }

        using var lease = store.Lock();
        if (store.Objections(batch.Id).FirstOrDefault(o => o.EmployeeId == employeeId && o.RaisedOn == raisedOn && o.Reason == reason.Trim()) is { } existing)
        {
            return (existing, true);
        }

        BatchSteps.RequireNotDone(store, batch, "issue", "发文");
        var objection = new StoredObjection(0, employeeId, raisedOn, reason.Trim(), user);
        var id = store.AddObjection(batch.Id, objection, new AuditDraft("objection", user, $"登记异议：工号 {employeeId}，{reason.Trim()}"));
        lease.Commit();
        return (objection with { Id = id }, false);
    }

    /// <summary>
    /// HR's resolution of an open objection (docs/service.md, "Objections"): upheld, the candidate gets no notice;
    /// dismissed, the candidate is issued as passed. Once, with a reason, before the issue.
    /// </summary>
    public StoredObjection Resolve(IReviewStore store, ReviewBatch batch, long objectionId, string outcome, string reason, DateOnly resolvedOn, string user)
    {
        var code = ObjectionOutcome.Parse(outcome) ?? throw new UserFacingException("请说明异议是否成立：成立（upheld）或不成立（dismissed）");
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new UserFacingException("请写明处理理由");
        }

        using var lease = store.Lock();
        BatchSteps.RequireNotDone(store, batch, "issue", "发文");
        var objection = store.Objections(batch.Id).FirstOrDefault(o => o.Id == objectionId)
            ?? throw new UserFacingException($"批次“{batch.Name}”中没有编号为 {objectionId} 的异议");
        if (objection.Resolution is { } done)
        {
            throw new UserFacingException(
                $"异议 #{objectionId} 已于{Dates.Chinese(done.ResolvedOn)}由 {done.ResolvedBy} 处理（{ObjectionOutcome.Chinese(done.Outcome)}），不能重复处理");
        }

        if (resolvedOn < objection.RaisedOn)
        {
            throw new UserFacingException($"处理日期{Dates.Chinese(resolvedOn)}早于异议提出日期{Dates.Chinese(objection.RaisedOn)}");
        }

        var resolution = new StoredResolution(code, reason.Trim(), resolvedOn, user);
        store.ResolveObjection(batch.Id, objectionId, resolution, new AuditDraft(
            "objection-resolve",
            user,
            $"处理异议 #{objectionId}（工号 {objection.EmployeeId}）：{ObjectionOutcome.Chinese(code)}，{(code == ObjectionOutcome.Upheld ? "不予发文" : "照常发文")}；理由：{reason.Trim()}",
            new Dictionary<string, string>
            {
                ["objection"] = objectionId.ToString(CultureInfo.InvariantCulture),
                ["outcome"] = code,
                ["resolved_on"] = resolvedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }));
        lease.Commit();
        return objection with { Resolution = resolution };
    }

    /// <summary>The refusal of <c>review issue</c> while objections are open, naming each (at most five).</summary>
    public static string? OpenObjectionsProblem(IReviewStore store, ReviewBatch batch)
    {
        var open = store.Objections(batch.Id).Where(o => o.IsOpen).ToList();
        if (open.Count == 0)
        {
            return null;
        }

        var named = string.Join("；", open.Take(5).Select(o => $"异议 #{o.Id}（工号 {o.EmployeeId}，{Dates.Chinese(o.RaisedOn)}：{Short(o.Reason)}）"));
        return $"批次“{batch.Name}”还有 {open.Count} 条异议未处理，不能发文：{named}{(open.Count > 5 ? "……" : "")}。"
            + $"请先逐条处理（eeval review resolve --batch {batch.Name} --objection 编号 --upheld 或 --dismissed --reason 理由）";
    }

    private static string Short(string text) => text.Length <= 30 ? text : text[..30] + "…";

    private static string Join(IEnumerable<DateOnly> dates) =>
        string.Join(';', dates.Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
}
