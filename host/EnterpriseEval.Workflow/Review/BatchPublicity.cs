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

        var objection = new StoredObjection(employeeId, raisedOn, reason.Trim(), user);
        store.AddObjection(batch.Id, objection, new AuditDraft("objection", user, $"登记异议：工号 {employeeId}，{reason.Trim()}"));
        lease.Commit();
        return (objection, false);
    }

    private static string Join(IEnumerable<DateOnly> dates) =>
        string.Join(';', dates.Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
}
