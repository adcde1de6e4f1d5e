using EnterpriseEval.Runtime.Review.Store;

namespace EnterpriseEval.Runtime.Review;

/// <summary>
/// <c>review issue</c>: after the publicity, a notice for every candidate the committee passed and nobody objected
/// to, plus the batch's tables as workbooks; the files and their hashes go into the audit log.
/// </summary>
internal sealed class BatchIssue(IBatchNoticeRenderer renderer)
{
    public IssueReport Run(IReviewStore store, ReviewBatch batch, string folder, DateOnly issuedOn, string user)
    {
        BatchSteps.RequireDone(store, batch, "publicize", "publicize");
        BatchSteps.RequireNotDone(store, batch, "issue", "发文");
        var publicity = store.Publicity(batch.Id)!;
        if (issuedOn <= publicity.End)
        {
            throw new UserFacingException($"公示期至{Dates.Chinese(publicity.End)}结束，须在公示期满后发文（--date 晚于该日）");
        }

        var decisions = store.Decisions(batch.Id);
        var votes = store.Votes(batch.Id);
        var scores = store.Scores(batch.Id);
        var objected = store.Objections(batch.Id).Select(o => o.EmployeeId).ToHashSet(StringComparer.Ordinal);
        var passed = votes.Where(v => v.Passed).ToList();
        var exports = new List<string>
        {
            ReviewExports.Decisions(folder, decisions),
            ReviewExports.Scores(folder, scores),
            ReviewExports.Votes(folder, votes),
            ReviewExports.Publicity(folder, publicity, passed),
        };
        var notices = new List<StoredNotice>();
        var noticeFolder = Path.Combine(folder, "notices");
        foreach (var vote in passed.Where(v => !objected.Contains(v.EmployeeId)))
        {
            var decision = decisions.First(d => d.EmployeeId == vote.EmployeeId && d.Path == vote.Path && d.TargetLevel == vote.TargetLevel);
            var candidate = new NoticeCandidate(decision, vote, [.. scores.Where(s => s.EmployeeId == vote.EmployeeId)], publicity);
            var file = renderer.Render(batch.Definition, candidate, issuedOn, noticeFolder);
            notices.Add(new StoredNotice(vote.EmployeeId, vote.Path, vote.TargetLevel, Path.GetFileName(file), RowHash.Hex(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)))));
        }

        var withheld = passed.Where(v => objected.Contains(v.EmployeeId)).Select(v => $"{v.EmployeeId} {v.Name}").Distinct().ToList();
        store.SaveNotices(batch.Id, notices, new AuditDraft(
            "issue",
            user,
            $"发文：{notices.Count} 份通知书，因异议暂缓 {withheld.Count} 人",
            new Dictionary<string, string>
            {
                ["issued_on"] = issuedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["folder"] = Path.GetFullPath(folder),
                ["exports"] = string.Join(';', exports.Select(f => $"{Path.GetFileName(f)}#{RowHash.Hex(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))}")),
            }));
        return new IssueReport(notices, exports, withheld);
    }
}
