using System.Globalization;
using System.Text;
using EnterpriseEval.Workflow.Review.Store;
using EnterpriseEval.Engine;

namespace EnterpriseEval.Workflow.Review;

/// <summary>
/// <c>review issue</c>: after the publicity and once every objection is resolved, a 评审结果通知 for every candidate the
/// committee passed and no upheld objection concerns — rendered by the Scriban documents with the batch's plug-in templates (<see cref="ReviewDocuments"/>,
/// docs/documents.md) — plus the batch's tables as workbooks; the files and their hashes go into the audit log. Runs under the store's
/// write lock on a store that verifies; every notice prints the signed chain head it was issued on, and the filing
/// list (归档清单.md) the signed head after the issue (docs/security.md).
/// </summary>
internal sealed class BatchIssue(ReviewDocuments documents)
{
    /// <summary>The filing list written beside the workbooks.</summary>
    public const string FilingFile = "归档清单.md";

    public IssueReport Run(IReviewStore store, ReviewBatch batch, string folder, DateOnly issuedOn, string user)
    {
        BatchSteps.RequireDone(store, batch, "publicize", "publicize");
        BatchSteps.RequireNotDone(store, batch, "issue", "发文");
        var publicity = store.Publicity(batch.Id)!;
        if (issuedOn <= publicity.End)
        {
            throw new UserFacingException($"公示期至{Dates.Chinese(publicity.End)}结束，须在公示期满后发文（--date 晚于该日）");
        }

        if (BatchPublicity.OpenObjectionsProblem(store, batch) is { } open)
        {
            throw new UserFacingException(open);
        }

        // The batch's plug-ins and templates load, and are checked, before anything is written.
        using var batchDocuments = documents.Open(store, batch);

        // Under the write lock from the check to the last row: a second `review issue` at once waits, then refuses
        // before it writes a single file.
        using var lease = store.Lock();
        BatchSteps.RequireNotDone(store, batch, "issue", "发文");
        if (BatchPublicity.OpenObjectionsProblem(store, batch) is { } stillOpen)
        {
            throw new UserFacingException(stillOpen);
        }

        var problems = store.Verify(files: false);
        if (problems.Count > 0)
        {
            throw new UserFacingException($"评审数据库校验未通过，不能发文：{problems[0]}（共 {problems.Count} 处，运行 eeval review verify 查看全部）");
        }

        var head = store.Head()!;
        var decisions = store.Decisions(batch.Id);
        var votes = store.Votes(batch.Id);
        var scores = store.Scores(batch.Id);
        // Only an objection HR upheld withholds a candidate's notice; a dismissed one does not (none is open here).
        var objected = store.Objections(batch.Id).Where(o => o.Status == ObjectionOutcome.Upheld).Select(o => o.EmployeeId).ToHashSet(StringComparer.Ordinal);
        var passed = votes.Where(v => v.Passed).ToList();
        var exports = new List<string>
        {
            ReviewExports.Decisions(folder, decisions),
            ReviewExports.Scores(folder, scores),
            ReviewExports.Votes(folder, votes),
            ReviewExports.Publicity(folder, publicity, passed),
        };
        var noticeFolder = Path.Combine(folder, "notices");
        var candidates = new List<NoticeCandidate>();
        foreach (var vote in passed.Where(v => !objected.Contains(v.EmployeeId)))
        {
            var decision = decisions.First(d => d.EmployeeId == vote.EmployeeId && d.Path == vote.Path && d.TargetLevel == vote.TargetLevel);
            candidates.Add(new NoticeCandidate(decision, vote, [.. scores.Where(s => s.EmployeeId == vote.EmployeeId)], publicity, head));
        }

        var notices = new List<StoredNotice>();
        if (candidates.Count > 0)
        {
            // One file per candidate in candidate order, then the batch file for printing (audited as an export).
            var files = batchDocuments.Notices(noticeFolder, candidates, issuedOn);
            for (var i = 0; i < candidates.Count; i++)
            {
                var vote = candidates[i].Vote;
                notices.Add(new StoredNotice(vote.EmployeeId, vote.Path, vote.TargetLevel, Path.GetFileName(files[i]), Sha256(files[i])));
            }

            exports.Add(files[^1]);
        }

        var withheld = passed.Where(v => objected.Contains(v.EmployeeId)).Select(v => $"{v.EmployeeId} {v.Name}").Distinct().ToList();
        store.SaveNotices(batch.Id, notices, new AuditDraft(
            "issue",
            user,
            $"发文：{notices.Count} 份通知书，因异议成立不予发文 {withheld.Count} 人",
            new Dictionary<string, string>
            {
                ["issued_on"] = issuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["folder"] = Path.GetFullPath(folder),
                ["exports"] = string.Join(';', exports.Select(f => $"{Relative(folder, f)}#{Sha256(f)}")),
                ["head_before"] = $"{head.Count}:{head.Hash}",
            }));
        lease.Commit();
        var after = store.Head()!;
        var filing = WriteFilingList(folder, batch, issuedOn, after, notices, exports, withheld);
        return new IssueReport(notices, exports, withheld, after, filing);
    }

    /// <summary>
    /// 归档清单.md: what was issued, each file's SHA-256, and the signed chain head after the issue — the anchor to
    /// file on paper: <c>review verify --anchor COUNT:HASH</c> later proves the store still holds that chain.
    /// </summary>
    private static string WriteFilingList(
        string folder, ReviewBatch batch, DateOnly issuedOn, AuditHead head, IReadOnlyList<StoredNotice> notices, IReadOnlyList<string> exports,
        IReadOnlyList<string> withheld)
    {
        var text = new StringBuilder()
            .AppendLine($"# 归档清单：{batch.Definition.Year}年度自主评审批次“{batch.Name}”")
            .AppendLine()
            .AppendLine($"- 发文日期：{Dates.Chinese(issuedOn)}")
            .AppendLine($"- 审计链锚点（发文后已签名的审计链头）：{head.Describe()}")
            .AppendLine($"- 核对：`eeval review verify --store <评审数据库> --anchor {head.Count}:{head.Hash}`；库中审计链短于此处所记，或该条哈希不同，即评审数据库被截断、回滚或改写。")
            .AppendLine($"- 公示期内异议经核实成立、不予发文：{(withheld.Count == 0 ? "无" : string.Join("、", withheld))}")
            .AppendLine()
            .AppendLine("| 文件 | SHA-256 |")
            .AppendLine("|---|---|");
        foreach (var f in exports)
        {
            text.AppendLine($"| {Relative(folder, f)} | {Sha256(f)} |");
        }

        foreach (var n in notices)
        {
            text.AppendLine($"| notices/{n.File} | {n.Sha256} |");
        }

        var path = Path.Combine(folder, FilingFile);
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    // Workbooks lie in the folder itself, the notices' batch file in notices/: names relative to the folder, '/' separated.
    private static string Relative(string folder, string file) => Path.GetRelativePath(folder, file).Replace('\\', '/');

    private static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return RowHash.Hex(System.Security.Cryptography.SHA256.HashData(stream));
    }
}
