using System.Security.Claims;
using EnterpriseEval.Engine;
using EnterpriseEval.Engine.Output;
using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Service.Problems;
using EnterpriseEval.Service.Rosters;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Workflow.Review;
using EnterpriseEval.Workflow.Review.Store;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace EnterpriseEval.Service.Endpoints;

/// <summary>
/// The steps of a review batch (docs/service.md, "Review batches"): each calls the same Workflow code as its
/// <c>eeval review</c> command, with the signed-in account as the operator recorded in the audit chain.
/// </summary>
internal static class ReviewEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var batches = api.MapGroup("/batches").WithTags("自主评审");

        batches.MapPost("", (NewBatch request, ReviewStoreFactory stores, ReviewBatches review, IOptions<PluginsOptions> plugins, ClaimsPrincipal user) =>
        {
            if (string.IsNullOrWhiteSpace(request.Name) || request.Year is null || string.IsNullOrWhiteSpace(request.Series) || string.IsNullOrWhiteSpace(request.Levels))
            {
                throw ApiProblem.BadRequest("请填写批次名称 name、年度 year、系列 series 与层级 levels");
            }

            using var store = stores.Open(null);
            var batch = review.Create(
                store,
                new NewBatchRequest(request.Name.Trim(), request.Year.Value, request.Series, request.Levels, Query.Date("asOf", request.AsOf), Blank(plugins.Value.Directory)),
                Actor.Of(user).UserName);
            return Results.Created($"/api/v1/batches/{Uri.EscapeDataString(batch.Name)}", Summary(store, batch));
        }).RequireAuthorization(Policies.Hr).Produces<BatchSummary>(StatusCodes.Status201Created).WithSummary("建立评审批次（review new），插件为服务使用的插件文件夹");

        batches.MapGet("", (ReviewStoreFactory stores) =>
        {
            using var store = stores.Open(null);
            return Results.Ok(store.Batches().Select(b => Summary(store, b)).ToList());
        }).RequireAuthorization(Policies.Reviewers).Produces<List<BatchSummary>>().WithSummary("评审批次列表");

        batches.MapGet("/{name}", (string name, ReviewStoreFactory stores, ClaimsPrincipal user) =>
        {
            using var store = stores.Open(null);
            var batch = Find(store, name);
            var actor = Actor.Of(user);
            return Results.Ok(ReviewSteps.Detail(store, batch, actor));
        }).RequireAuthorization(Policies.Reviewers).Produces<BatchDetail>().WithSummary("批次状态（review show）：范围、进度、候选人、评分、表决、异议与发文");

        batches.MapGet("/{name}/audit", (string name, ReviewStoreFactory stores) =>
        {
            using var store = stores.Open(null);
            var batch = Find(store, name);
            return Results.Ok(store.Audit(batch.Id).Select(e => new AuditItem(e.Seq, e.Step, e.User, e.At, AuditDetail.Summary(e.Detail), e.Hash)).ToList());
        }).RequireAuthorization(Policies.HrAuditor).Produces<List<AuditItem>>().WithSummary("批次的审计日志");

        batches.MapGet("/{name}/publicity", (string name, ReviewStoreFactory stores) =>
        {
            using var store = stores.Open(null);
            var batch = Find(store, name);
            var p = store.Publicity(batch.Id) ?? throw ApiProblem.NotFound($"批次“{name}”尚未公示");
            return Results.Ok(new PublicityItem(p.Start, p.End, p.WorkingDays, [.. store.Votes(batch.Id).Where(v => v.Passed).Select(v => new PublicityEntry(
                v.EmployeeId, v.Name, v.Path, ReviewExports.PathName(v.Path), v.TargetLevel, ReviewExports.LevelName(v.TargetLevel)))]));
        }).RequireAuthorization(Policies.Publicity).Produces<PublicityItem>().WithSummary("公示名单与公示期");

        batches.MapGet("/{name}/employees/{employeeId}", (string name, string employeeId, ReviewStoreFactory stores, ClaimsPrincipal user) =>
        {
            var actor = Actor.Of(user);
            if (actor.IsEmployee && !string.Equals(actor.EmployeeId, employeeId, StringComparison.Ordinal))
            {
                throw ApiProblem.NotFound($"批次“{name}”中没有工号 {employeeId} 的记录");
            }

            using var store = stores.Open(null);
            var batch = Find(store, name);
            var decisions = store.Decisions(batch.Id).Where(d => d.EmployeeId == employeeId).ToList();
            if (decisions.Count == 0)
            {
                throw ApiProblem.NotFound($"批次“{name}”中没有工号 {employeeId} 的记录");
            }

            return Results.Ok(new BatchEmployee(
                employeeId,
                decisions[0].Name,
                [.. decisions.Select(d => Decision(d, actor))],
                [.. store.Scores(batch.Id).Where(s => s.EmployeeId == employeeId).Select(s => new ScoreItem(s.EmployeeId, s.Name, s.PluginId, s.Total, s.PassMark, s.Passed))],
                [.. store.Votes(batch.Id).Where(v => v.EmployeeId == employeeId).Select(Vote)],
                [.. store.Objections(batch.Id).Where(o => o.EmployeeId == employeeId).Select(o => Objection(o, actor))],
                [.. store.Notices(batch.Id).Where(n => n.EmployeeId == employeeId).Select(n => new NoticeItem(n.EmployeeId, n.Path, n.TargetLevel, Path.GetFileName(n.File), n.Sha256))]));
        }).RequireAuthorization(Policies.EmployeeRecord).Produces<BatchEmployee>().WithSummary("某员工在批次中的全部记录（review show --employee）；员工只能查看本人");

        batches.MapPost("/{name}/screen", (string name, BatchScreenRequest request, ReviewStoreFactory stores, BatchScreening screening, RosterLibrary rosters, ClaimsPrincipal user, CancellationToken ct) =>
        {
            using var store = stores.Open(null);
            var batch = ReviewStoreFactory.Batch(store, Find(store, name).Name);
            string? rosterPath = null;
            if (!string.IsNullOrWhiteSpace(request.RosterId))
            {
                rosterPath = rosters.ReadPath(rosters.Find(request.RosterId) ?? throw ApiProblem.NotFound($"没有编号为 {request.RosterId} 的花名册"));
            }

            var r = screening.Run(store, batch, rosterPath, null, Actor.Of(user).UserName, null, ct);
            return Results.Ok(new BatchScreenResult(r.Imported, r.Rejects, r.Done, r.Total, r.Decisions, r.NotApplied, r.Stopped, [.. r.Warnings]));
        }).RequireAuthorization(Policies.Hr).Produces<BatchScreenResult>().WithSummary("资格筛查（review screen）：导入已上传的花名册并逐人筛查；中断后再次调用从断点继续");

        batches.MapPost("/{name}/score", (string name, ReviewStoreFactory stores, BatchScoring scoring, ClaimsPrincipal user) =>
        {
            using var store = stores.Open(null);
            var batch = ReviewStoreFactory.Batch(store, Find(store, name).Name);
            var scores = scoring.Run(store, batch, null, Actor.Of(user).UserName);
            return Results.Ok(scores.Select(s => new ScoreItem(s.EmployeeId, s.Name, s.PluginId, s.Total, s.PassMark, s.Passed)).ToList());
        }).RequireAuthorization(Policies.Hr).Produces<List<ScoreItem>>().WithSummary("业绩评分（review score）");

        batches.MapPost("/{name}/votes", async (string name, string? date, HttpRequest http, ReviewStoreFactory stores, BatchVoting voting, TimeProvider time, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var on = Query.Date("date", date) ?? DateOnly.FromDateTime(time.GetLocalNow().Date);
            var (file, folder) = await ReceiveOneFileAsync(http, [".csv", ".xlsx"], ct).ConfigureAwait(false);
            try
            {
                using var store = stores.Open(null);
                var batch = ReviewStoreFactory.Batch(store, Find(store, name).Name);
                var result = voting.Run(store, batch, file, on, Actor.Of(user).UserName);
                return Results.Ok(new VoteResult(
                    [.. result.Votes.Select(Vote)],
                    [.. result.Rejects.Select(r => new RejectItem(r.File, r.Row, r.Column, IdentityScrubber.Scrub(r.Value), r.Reason))]));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }).RequireAuthorization(Policies.Hr)
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<VoteResult>()
            .WithSummary("评委会表决（review vote）：上传表决文件（CSV 或 .xlsx），按表决规则判定");

        batches.MapPost("/{name}/publicity", (string name, PublicityRequest request, ReviewStoreFactory stores, BatchPublicity publicity, ReviewDocuments documents, Service.ServicePaths paths, ClaimsPrincipal user) =>
        {
            using var store = stores.Open(null);
            var batch = ReviewStoreFactory.Batch(store, Find(store, name).Name);
            return Results.Ok(ReviewSteps.Publicize(store, batch, publicity, documents, paths, Query.Date("start", request.Start), request.Days, Actor.Of(user)));
        }).RequireAuthorization(Policies.Hr).Produces<PublicityResult>().WithSummary("公示（review publicize）：确定公示期并生成公示名单与公示文书");

        batches.MapPost("/{name}/objections", (string name, ObjectionRequest request, ReviewStoreFactory stores, BatchPublicity publicity, TimeProvider time, ClaimsPrincipal user) =>
        {
            var actor = Actor.Of(user);
            // Anyone may object to a listed candidate during the 公示 (an employee to a colleague as to themself; the
            // Workflow refuses anyone not on the list); an employee who names nobody objects to their own listing.
            var employeeId = request.EmployeeId?.Trim();
            if (actor.IsEmployee && string.IsNullOrEmpty(employeeId))
            {
                employeeId = actor.EmployeeId;
            }

            if (string.IsNullOrWhiteSpace(employeeId) || string.IsNullOrWhiteSpace(request.Reason))
            {
                throw ApiProblem.BadRequest("请填写被提出异议的工号 employeeId 与异议理由 reason");
            }

            using var store = stores.Open(null);
            var batch = ReviewStoreFactory.Batch(store, Find(store, name).Name);
            var on = Query.Date("date", request.Date) ?? DateOnly.FromDateTime(time.GetLocalNow().Date);
            var (o, again) = publicity.Object(store, batch, employeeId!, request.Reason.Trim(), on, actor.UserName);
            var item = Objection(o, actor);
            return again ? Results.Ok(item) : Results.Created($"/api/v1/batches/{Uri.EscapeDataString(batch.Name)}", item);
        }).RequireAuthorization(Policies.Objections).Produces<ObjectionItem>(StatusCodes.Status201Created).WithSummary("登记异议（review publicize --objection）：公示期内，针对公示名单中的人员；员工可对名单中任何人提出，提出人只对人事专员、审计与其本人可见");

        batches.MapPost("/{name}/objections/{id:long}/resolution", (string name, long id, ResolutionRequest request, ReviewStoreFactory stores, BatchPublicity publicity, TimeProvider time, ClaimsPrincipal user) =>
        {
            var outcome = ObjectionOutcome.Parse(request.Outcome)
                ?? throw ApiProblem.BadRequest("请用 outcome 说明异议是否成立：upheld（成立，不予发文）或 dismissed（不成立，照常发文）", new Dictionary<string, object?> { ["parameter"] = "outcome" });
            if (string.IsNullOrWhiteSpace(request.Reason))
            {
                throw ApiProblem.BadRequest("请用 reason 写明处理理由", new Dictionary<string, object?> { ["parameter"] = "reason" });
            }

            using var store = stores.Open(null);
            var batch = ReviewStoreFactory.Batch(store, Find(store, name).Name);
            if (!store.Objections(batch.Id).Any(o => o.Id == id))
            {
                throw ApiProblem.NotFound($"批次“{batch.Name}”中没有编号为 {id} 的异议");
            }

            var on = Query.Date("date", request.Date) ?? DateOnly.FromDateTime(time.GetLocalNow().Date);
            var actor = Actor.Of(user);
            return Results.Ok(Objection(publicity.Resolve(store, batch, id, outcome, request.Reason, on, actor.UserName), actor));
        }).RequireAuthorization(Policies.Hr).Produces<ObjectionItem>().WithSummary("处理异议（review resolve）：成立（upheld，不予发文）或不成立（dismissed，照常发文），写明理由");

        batches.MapPost("/{name}/issue", (string name, IssueRequest request, ReviewStoreFactory stores, BatchIssue issue, Service.ServicePaths paths, TimeProvider time, ClaimsPrincipal user) =>
        {
            using var store = stores.Open(null);
            var batch = ReviewStoreFactory.Batch(store, Find(store, name).Name);
            var on = Query.Date("date", request.Date) ?? DateOnly.FromDateTime(time.GetLocalNow().Date);
            return Results.Ok(ReviewSteps.Issue(store, batch, issue, paths, on, Actor.Of(user)));
        }).RequireAuthorization(Policies.Hr).Produces<IssueResult>().WithSummary("发文（review issue）：公示期满且异议全部处理后，为通过且无成立异议者生成通知书，并导出工作簿；有未处理的异议时拒绝");

        batches.MapPost("/{name}/replay", (string name, ReviewStoreFactory stores, BatchReplay replay, ClaimsPrincipal user) =>
        {
            using var store = stores.Open(null);
            var batch = ReviewStoreFactory.Batch(store, Find(store, name).Name);
            var report = replay.Run(store, batch, null, Actor.Of(user).UserName);
            return Results.Ok(new ReplayResult(report.Identical, report.Compared, [.. report.Differences], [.. report.Causes]));
        }).RequireAuthorization(Policies.HrAuditor).Produces<ReplayResult>().WithSummary("复现（review replay）：以记录的规则与插件重算并比对");

        batches.MapGet("/{name}/files", (string name, ReviewStoreFactory stores, Service.ServicePaths paths) =>
        {
            using var store = stores.Open(null);
            return Results.Ok(ReviewSteps.Files(paths, Find(store, name)));
        }).RequireAuthorization(Policies.HrAuditor).WithSummary("批次已生成的文件：公示名单与公示文书（publicity/）、通知书与工作簿、归档清单（issue/）");

        batches.MapGet("/{name}/files/{**file}", (string name, string file, ReviewStoreFactory stores, Service.ServicePaths paths) =>
        {
            using var store = stores.Open(null);
            var folder = Path.GetFullPath(paths.BatchFolder(Find(store, name).Name));
            var full = Path.GetFullPath(Path.Combine(folder, file));
            if (!full.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full))
            {
                throw ApiProblem.NotFound($"批次“{name}”没有文件 {file}");
            }

            var type = Path.GetExtension(full).ToLowerInvariant() switch
            {
                ".html" => "text/html; charset=utf-8",
                ".md" => "text/markdown; charset=utf-8",
                ".csv" => "text/csv; charset=utf-8",
                ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                _ => "application/octet-stream",
            };
            return Results.File(full, type, Path.GetFileName(full));
        }).RequireAuthorization(Policies.HrAuditor).WithSummary("下载批次的一个文件");

        api.MapGet("/review/verify", (ReviewStoreFactory stores) =>
        {
            using var store = stores.OpenExisting(null);
            var problems = store.Verify().ToList();
            problems.AddRange(BatchIntegrity.Problems(store));
            return Results.Ok(new VerifyResult(problems.Count == 0, store.Audit(null).Count, store.Head()?.Describe(), problems));
        }).RequireAuthorization(Policies.HrAuditor).Produces<VerifyResult>().WithTags("自主评审").WithSummary("校验（review verify）：审计链、签名的链头、每条存储记录与已发文件");
    }

    internal static ReviewBatch Find(IReviewStore store, string name) =>
        store.FindBatch(name) ?? throw ApiProblem.NotFound($"没有名为“{name}”的评审批次");

    internal static BatchSummary Summary(IReviewStore store, ReviewBatch batch)
    {
        var d = batch.Definition;
        var progress = store.ScreenProgress(batch.Id);
        var votes = store.Votes(batch.Id);
        var publicity = store.Publicity(batch.Id);
        var steps = store.Audit(batch.Id).Select(e => e.Step).Distinct(StringComparer.Ordinal).ToList();
        var objections = store.Objections(batch.Id);
        return new BatchSummary(
            d.Name, d.Year, d.Series, d.Levels, d.AsOf, d.Authorisation, d.Plugins, d.RuleSetVersion, steps, progress.Done, progress.Total,
            store.Scores(batch.Id).Count, votes.Count, votes.Count(v => v.Passed), publicity?.Start, publicity?.End, objections.Count,
            store.Notices(batch.Id).Count, objections.Count(o => o.IsOpen),
            !steps.Contains(BatchBallot.OpenStep) ? "none" : steps.Contains("vote") ? "closed" : "open");
    }

    internal static BatchDecision Decision(StoredDecision d, Actor actor) =>
        new(d.EmployeeId, d.Name, d.Path, ReviewExports.PathName(d.Path), d.TargetLevel, ReviewExports.LevelName(d.TargetLevel), d.Outcome,
            d.EarliestEligibleOn, d.RuleIds, Scrub(d.Reasons, actor));

    internal static VoteItem Vote(StoredVote v) =>
        new(v.EmployeeId, v.Name, v.Path, v.TargetLevel, v.Committee, v.Present, v.For, v.Against, v.Abstain, v.QuorumMet, v.Passed, v.Reason);

    internal static string Scrub(string text, Actor actor) => actor.SeesIdNumbers ? text : IdentityScrubber.Scrub(text);

    /// <summary>An objection as the API shows it: its number, status and resolution; 身份证号 masked for those who need none.</summary>
    /// <summary>
    /// An objection as <paramref name="actor"/> sees it: who raised it only for HR and the auditor (who follow it up and
    /// check it) and for the person who raised it; the candidate, the committee and other employees read 「不公开」, so
    /// nobody who is objected to learns from the service who objected.
    /// </summary>
    public static ObjectionItem Objection(StoredObjection o, Actor actor) =>
        new(
            o.Id, o.EmployeeId, o.RaisedOn, Scrub(o.Reason, actor),
            actor.Role is Roles.Hr or Roles.Auditor || o.RecordedBy == actor.UserName ? o.RecordedBy : "不公开",
            o.Status, ObjectionOutcome.Chinese(o.Status),
            o.Resolution is { } r ? Scrub(r.Reason, actor) : null, o.Resolution?.ResolvedOn, o.Resolution?.ResolvedBy);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>The one file of a small multipart upload (a vote sheet), saved in a private temp folder.</summary>
    private static async Task<(string File, string Folder)> ReceiveOneFileAsync(HttpRequest request, string[] extensions, CancellationToken ct)
    {
        if (!request.HasFormContentType || !MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw ApiProblem.UnsupportedType($"请以 multipart/form-data 上传一个文件（{string.Join("、", extensions)}）");
        }

        const long limit = 16 * 1024 * 1024;
        if (request.ContentLength > limit)
        {
            throw ApiProblem.TooLarge($"表决文件超过 {limit:N0} 字节的上限");
        }

        var form = await request.ReadFormAsync(new Microsoft.AspNetCore.Http.Features.FormOptions { MultipartBodyLengthLimit = limit, ValueCountLimit = 16 }, ct).ConfigureAwait(false);
        if (form.Files.Count != 1)
        {
            throw ApiProblem.BadRequest($"请上传恰好一个文件（{string.Join("、", extensions)}），收到 {form.Files.Count} 个");
        }

        var name = RosterLibrary.SafeName(form.Files[0].FileName);
        if (!extensions.Contains(Path.GetExtension(name).ToLowerInvariant(), StringComparer.Ordinal))
        {
            throw ApiProblem.UnsupportedType($"不支持的文件 {name}：只接受 {string.Join("、", extensions)}");
        }

        var folder = Directory.CreateTempSubdirectory("eeval-upload-").FullName;
        var file = Path.Combine(folder, name);
        var target = File.Create(file);
        await using (target.ConfigureAwait(false))
        {
            await form.Files[0].CopyToAsync(target, ct).ConfigureAwait(false);
        }

        return (file, folder);
    }
}

internal sealed record NewBatch(string? Name, int? Year, string? Series, string? Levels, string? AsOf);

internal sealed record BatchScreenRequest(string? RosterId);

internal sealed record PublicityRequest(string? Start, int? Days);

internal sealed record ObjectionRequest(string? EmployeeId, string? Reason, string? Date);

internal sealed record IssueRequest(string? Date);

internal sealed record BatchSummary(
    string Name, int Year, string Series, string Levels, DateOnly AsOf, string Authorisation, string Plugins, string RuleSetVersion,
    IReadOnlyList<string> StepsDone, int Screened, int? RosterEmployees, int Scores, int Votes, int Passed, DateOnly? PublicityStart,
    DateOnly? PublicityEnd, int Objections, int Notices, int OpenObjections, string Ballot);

internal sealed record BatchDecision(
    string EmployeeId, string Name, string Path, string PathName, string TargetLevel, string TargetLevelName, string Outcome, string EarliestEligibleOn,
    string RuleIds, string Reasons);

internal sealed record ScoreItem(string EmployeeId, string Name, string PluginId, decimal Total, decimal PassMark, bool Passed);

internal sealed record VoteItem(
    string EmployeeId, string Name, string Path, string TargetLevel, int Committee, int Present, int For, int Against, int Abstain, bool QuorumMet,
    bool Passed, string Reason);

/// <summary>An objection: <c>status</c> is open, upheld or dismissed (<c>statusName</c> in Chinese), with the resolution once made.</summary>
internal sealed record ObjectionItem(
    long Id, string EmployeeId, DateOnly RaisedOn, string Reason, string RecordedBy, string Status, string StatusName, string? Resolution,
    DateOnly? ResolvedOn, string? ResolvedBy);

internal sealed record ResolutionRequest(string? Outcome, string? Reason, string? Date);

internal sealed record NoticeItem(string EmployeeId, string Path, string TargetLevel, string File, string Sha256);

internal sealed record BatchDetail(
    BatchSummary Batch, IReadOnlyList<BatchDecision> Candidates, IReadOnlyList<ScoreItem> Scores, IReadOnlyList<VoteItem> Votes,
    IReadOnlyList<ObjectionItem> Objections, IReadOnlyList<NoticeItem> Notices);

internal sealed record BatchEmployee(
    string EmployeeId, string Name, IReadOnlyList<BatchDecision> Decisions, IReadOnlyList<ScoreItem> Scores, IReadOnlyList<VoteItem> Votes,
    IReadOnlyList<ObjectionItem> Objections, IReadOnlyList<NoticeItem> Notices);

internal sealed record AuditItem(long Seq, string Step, string User, string At, string Summary, string Hash);

internal sealed record PublicityEntry(string EmployeeId, string Name, string Path, string PathName, string TargetLevel, string TargetLevelName);

internal sealed record PublicityItem(DateOnly Start, DateOnly End, int WorkingDays, IReadOnlyList<PublicityEntry> Candidates);

internal sealed record BatchScreenResult(bool Imported, int Rejects, int Done, int Total, int Decisions, int NotApplied, bool Stopped, IReadOnlyList<string> Warnings);

internal sealed record VoteResult(IReadOnlyList<VoteItem> Votes, IReadOnlyList<RejectItem> Rejects);

internal sealed record PublicityResult(DateOnly Start, DateOnly End, int WorkingDays, int Candidates, IReadOnlyList<string> Files);

internal sealed record IssueResult(IReadOnlyList<NoticeItem> Notices, IReadOnlyList<string> Withheld, IReadOnlyList<string> Exports, string Anchor);

internal sealed record ReplayResult(bool Identical, int Compared, IReadOnlyList<string> Differences, IReadOnlyList<string> Causes);

internal sealed record VerifyResult(bool Passed, int Entries, string? Head, IReadOnlyList<string> Problems);
