using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EnterpriseEval.Engine;
using EnterpriseEval.Engine.Output;
using EnterpriseEval.Service.Endpoints;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Workflow.Review;
using EnterpriseEval.Workflow.Review.Store;

namespace EnterpriseEval.Service.Review;

/// <summary>
/// The whole record of a batch as one zip, for filing (docs/service.md, "Batch record export"): its definition, every
/// decision, the scores, the votes as tallied, the secret ballot's committee and its ballots as counts (never a voter),
/// the publicity, the objections and their resolutions, the issued notices with the files the steps wrote, the batch's
/// audit entries and a verify report of the store. CSV files are UTF-8 with BOM (Excel); 身份证号 are masked for every
/// role that does not see them whole.
/// </summary>
internal static class BatchRecordExport
{
    private static readonly UTF8Encoding Utf8Bom = new(encoderShouldEmitUTF8Identifier: true);
    private static readonly string[] DecisionsHeader = ["工号", "姓名", "申报路径", "申报层级", "申报系列", "判定结果", "最早符合日期", "涉及规则", "理由", "是否候选人"];
    private static readonly string[] ScoresHeader = ["工号", "姓名", "评分插件", "积分", "合格线", "是否合格"];
    private static readonly string[] VotesHeader = ["工号", "姓名", "申报路径", "申报层级", "评委总数", "出席人数", "赞成票", "反对票", "弃权票", "到会有效", "表决结果", "说明"];
    private static readonly string[] BallotCommitteeHeader = ["账户", "姓名", "已投票候选人数"];
    private static readonly string[] BallotsHeader = ["候选人", "选择", "票数"];
    private static readonly string[] PublicityHeader = ["序号", "工号", "姓名", "申报路径", "通过层级", "公示开始", "公示结束"];
    private static readonly string[] ObjectionsHeader = ["异议编号", "被异议工号", "提出日期", "异议内容", "登记人", "状态", "处理理由", "处理日期", "处理人"];
    private static readonly string[] NoticesHeader = ["工号", "申报路径", "申报层级", "文件", "SHA-256"];
    private static readonly string[] AuditHeader = ["序号", "步骤", "操作人", "时间（UTC）", "内容", "前一条哈希", "哈希", "详情"];
    private static readonly System.Buffers.SearchValues<char> NeedsQuotes = System.Buffers.SearchValues.Create(",\"\r\n");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The zip's file name.</summary>
    public static string FileName(ReviewBatch batch) => $"评审批次档案-{batch.Name}.zip";

    public static void Write(Stream output, IReviewStore store, ReviewBatch batch, string filesFolder, Actor actor, DateTimeOffset now)
    {
        string S(string text) => actor.SeesIdNumbers ? text : IdentityScrubber.Scrub(text);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var summary = ReviewEndpoints.Summary(store, batch);
        var scope = new BatchScope(batch.Definition);
        Text(zip, "batch.json", JsonSerializer.Serialize(new { batch = summary, authorisation = batch.Definition.Authorisation, plugins = batch.Definition.Plugins }, Json), bom: false);

        Csv(zip, "decisions.csv", DecisionsHeader,
            store.Decisions(batch.Id).Select(d => new[]
            {
                d.EmployeeId, d.Name, ReviewExports.PathName(d.Path), ReviewExports.LevelName(d.TargetLevel), ReviewExports.SeriesName(d.TargetSeries),
                d.Outcome, d.EarliestEligibleOn, d.RuleIds, S(d.Reasons), scope.IsCandidate(d) ? "是" : "否",
            }));
        Csv(zip, "scores.csv", ScoresHeader,
            store.Scores(batch.Id).Select(s => new[] { s.EmployeeId, s.Name, s.PluginId, Num(s.Total), Num(s.PassMark), s.Passed ? "合格" : "不合格" }));
        Csv(zip, "votes.csv", VotesHeader,
            store.Votes(batch.Id).Select(v => new[]
            {
                v.EmployeeId, v.Name, ReviewExports.PathName(v.Path), ReviewExports.LevelName(v.TargetLevel), Num(v.Committee), Num(v.Present), Num(v.For),
                Num(v.Against), Num(v.Abstain), v.QuorumMet ? "是" : "否", v.Passed ? "通过" : "未通过", v.Reason,
            }));

        if (store.BallotRound(batch.Id) is { } round)
        {
            var voters = store.BallotVoters(batch.Id);
            Csv(zip, "ballot-committee.csv", BallotCommitteeHeader,
                store.BallotMembers(batch.Id).Select(m => new[] { m.UserName, m.DisplayName, Num(voters.Count(v => v.UserName == m.UserName)) }));

            // The ballots as the store keeps them: counts per candidate and choice, with no voter and no order.
            Csv(zip, "ballots.csv", BallotsHeader,
                store.BallotCounts(batch.Id).Select(c => new[] { c.Candidate.Replace('|', ' '), BallotChoice.Chinese(c.Choice), Num(c.Count) }));
            Text(zip, "ballot.txt", $"无记名投票：{Dates.Chinese(round.OpenedOn)}开启，评委会 {round.Committee} 人；封存哈希（结束时记入审计链）：{BallotSeal.Hash(store.BallotCounts(batch.Id))}\n");
        }

        if (store.Publicity(batch.Id) is { } p)
        {
            Csv(zip, "publicity.csv", PublicityHeader,
                store.Votes(batch.Id).Where(v => v.Passed).Select((v, i) => new[]
                {
                    Num(i + 1), v.EmployeeId, v.Name, ReviewExports.PathName(v.Path), ReviewExports.LevelName(v.TargetLevel), Day(p.Start), Day(p.End),
                }));
        }

        Csv(zip, "objections.csv", ObjectionsHeader,
            store.Objections(batch.Id).Select(o => new[]
            {
                Num(o.Id), o.EmployeeId, Day(o.RaisedOn), S(o.Reason), o.RecordedBy, ObjectionOutcome.Chinese(o.Status),
                o.Resolution is { } r ? S(r.Reason) : "", o.Resolution is { } r2 ? Day(r2.ResolvedOn) : "", o.Resolution?.ResolvedBy ?? "",
            }));
        Csv(zip, "notices.csv", NoticesHeader,
            store.Notices(batch.Id).Select(n => new[] { n.EmployeeId, ReviewExports.PathName(n.Path), ReviewExports.LevelName(n.TargetLevel), n.File, n.Sha256 }));
        Csv(zip, "audit.csv", AuditHeader,
            store.Audit(batch.Id).Select(e => new[] { Num(e.Seq), e.Step, e.User, e.At, S(AuditDetail.Summary(e.Detail)), e.PreviousHash, e.Hash, S(e.Detail) }));

        var problems = store.Verify().ToList();
        problems.AddRange(BatchIntegrity.Problems(store));
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"评审数据库校验（review verify），{now.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC")
            .AppendLine(CultureInfo.InvariantCulture, $"结果：{(problems.Count == 0 ? "校验通过" : $"发现 {problems.Count} 处问题")}")
            .AppendLine(CultureInfo.InvariantCulture, $"审计记录：{store.Audit(null).Count} 条；签名的链头：{store.Head()?.Describe() ?? "无"}");
        foreach (var problem in problems)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"- {problem}");
        }

        Text(zip, "verify.txt", report.ToString());

        var files = new List<string>();
        if (Directory.Exists(filesFolder))
        {
            foreach (var file in Directory.EnumerateFiles(filesFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(filesFolder, file).Replace('\\', '/');
                zip.CreateEntryFromFile(file, "files/" + relative, CompressionLevel.Optimal);
                files.Add(relative);
            }
        }

        Text(zip, "说明.txt", Readme(batch, files));
    }

    private static string Readme(ReviewBatch batch, IReadOnlyList<string> files) =>
        new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"自主评审批次“{batch.Name}”（{batch.Definition.Year}年度）档案")
            .AppendLine()
            .AppendLine("batch.json            批次定义与进度")
            .AppendLine("decisions.csv         资格筛查的全部决策（含理由与条款）")
            .AppendLine("scores.csv            业绩评分")
            .AppendLine("votes.csv             评委会表决结果（计票后）")
            .AppendLine("ballot-committee.csv  无记名投票的评委会成员及各自已投票的候选人数（如有）")
            .AppendLine("ballots.csv           无记名投票的选票：每位候选人每种选择的票数，不含投票人（如有）")
            .AppendLine("ballot.txt            无记名投票的开启日期、评委会人数与封存哈希（如有）")
            .AppendLine("publicity.csv         公示名单与公示期")
            .AppendLine("objections.csv        异议及其处理结论")
            .AppendLine("notices.csv           已发通知书及其 SHA-256")
            .AppendLine("audit.csv             本批次的审计记录（哈希链）")
            .AppendLine("verify.txt            导出时对评审数据库的校验报告")
            .AppendLine(CultureInfo.InvariantCulture, $"files/                各步骤生成的文件（{files.Count} 个：公示文书、通知书、工作簿、归档清单）")
            .ToString();

    private static void Csv(ZipArchive zip, string name, string[] header, IEnumerable<string[]> rows)
    {
        var text = new StringBuilder();
        Line(text, header);
        foreach (var row in rows)
        {
            Line(text, row);
        }

        Text(zip, name, text.ToString());
    }

    private static void Line(StringBuilder text, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            var cell = SpreadsheetText.Safe(cells[i]);
            text.Append(cell.AsSpan().IndexOfAny(NeedsQuotes) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell);
        }

        text.Append("\r\n");
    }

    private static void Text(ZipArchive zip, string name, string text, bool bom = true)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        using var writer = new StreamWriter(stream, bom ? Utf8Bom : new UTF8Encoding(false));
        writer.Write(text);
    }

    private static string Num(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Num(decimal n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
