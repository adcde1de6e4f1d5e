using System.Security.Claims;
using EnterpriseEval.Engine.Output;
using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Service.Problems;
using EnterpriseEval.Service.Rosters;
using EnterpriseEval.Service.Screening;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Workflow.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Service.Endpoints;

/// <summary>Screening jobs, decisions, results and notices (docs/service.md, "Screening").</summary>
internal static class ScreeningEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var screenings = api.MapGroup("/screenings").WithTags("资格筛查");

        screenings.MapPost("", (StartScreening request, RosterLibrary rosters, ScreeningJobs jobs, ClaimsPrincipal user) =>
        {
            var roster = rosters.Find(request.RosterId ?? "") ?? throw ApiProblem.NotFound($"没有编号为 {request.RosterId} 的花名册");
            var job = jobs.Start(roster, Query.Date("asOf", request.AsOf), request.AllowStatutoryOnly, Actor.Of(user));
            return Results.Accepted($"/api/v1/screenings/{job.Id}", Status(job));
        }).RequireAuthorization(Policies.Hr).Produces<JobStatus>(StatusCodes.Status202Accepted).WithSummary("开始筛查：后台任务，立即返回任务状态（202），用状态地址查询进度");

        screenings.MapGet("", (ScreeningJobs jobs) => Results.Ok(jobs.All.Select(Status).ToList()))
            .RequireAuthorization(Policies.HrAuditor).Produces<List<JobStatus>>().WithSummary("筛查任务列表");

        screenings.MapGet("/{id}", (string id, ScreeningJobs jobs) => Results.Ok(Status(Job(jobs, id))))
            .RequireAuthorization(Policies.HrAuditor).Produces<JobStatus>().WithSummary("筛查任务状态：state、进度与计数");

        screenings.MapPost("/{id}/cancel", (string id, ScreeningJobs jobs, ClaimsPrincipal user) =>
        {
            var job = Job(jobs, id);
            return jobs.Cancel(job, Actor.Of(user)) ? Results.Accepted($"/api/v1/screenings/{id}", Status(job)) : throw ApiProblem.Conflict($"筛查任务 {id} 已结束（{StateName(job.State)}），无法取消");
        }).RequireAuthorization(Policies.Hr).WithSummary("取消筛查任务");

        screenings.MapGet("/{id}/decisions", (
            string id, ScreeningJobs jobs, IOptions<ServiceOptions> options, ClaimsPrincipal user,
            string? outcome, string? path, string? level, string? department, string? eligibleFrom, string? eligibleBy, string? q, string? page, string? pageSize) =>
        {
            var results = Completed(Job(jobs, id));
            var filter = new DecisionFilter(
                ParseCode<Outcome>("outcome", outcome), ParseCode<ScreeningPath>("path", path), Level(level), Blank(department),
                Query.Date("eligibleFrom", eligibleFrom), Query.Date("eligibleBy", eligibleBy), Blank(q));
            var size = Query.Int("pageSize", pageSize, 50, 1, options.Value.MaxPageSize);
            var number = Query.Int("page", page, 1, 1, int.MaxValue / Math.Max(1, size));
            var actor = Actor.Of(user);
            var (items, total) = results.Index.Query(filter, (number - 1) * size, size);
            return Results.Ok(new DecisionPage(total, number, size, [.. items.Select(i => DecisionViews.Item(i.Record, i.Decision, actor))]));
        }).RequireAuthorization(Policies.HrAuditor).Produces<DecisionPage>().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("决策分页查询：按结论 outcome、路径 path、层级 level、部门 department、最早可申报日期 eligibleFrom/eligibleBy、工号或姓名 q 过滤");

        screenings.MapGet("/{id}/employees/{employeeId}", (string id, string employeeId, ScreeningJobs jobs, ClaimsPrincipal user) =>
        {
            var actor = Actor.Of(user);
            var results = Completed(Job(jobs, id));

            // An employee sees only their own: anyone else's is "not found", as if it did not exist.
            if (actor.IsEmployee && !string.Equals(actor.EmployeeId, employeeId, StringComparison.Ordinal))
            {
                throw ApiProblem.NotFound($"筛查结果中没有工号 {employeeId}");
            }

            return results.Index.Employee(employeeId) is { } found
                ? Results.Ok(DecisionViews.Screening(found.Record, found.Decisions, actor))
                : throw ApiProblem.NotFound($"筛查结果中没有工号 {employeeId}");
        }).RequireAuthorization(Policies.EmployeeRecord).Produces<EmployeeScreening>().WithSummary("某员工的全部决策，含每条规则结论及其政策条款");

        api.MapGet("/me/screening", (ScreeningJobs jobs, ClaimsPrincipal user) =>
        {
            var actor = Actor.Of(user);
            var latest = jobs.LatestWith(actor.EmployeeId ?? "") ?? throw ApiProblem.NotFound("还没有包含本人的筛查结果");
            var found = latest.Results.Index.Employee(actor.EmployeeId!)!.Value;
            return Results.Ok(DecisionViews.Screening(found.Record, found.Decisions, actor));
        }).RequireAuthorization(Policies.Employee).Produces<EmployeeScreening>().WithTags("资格筛查").WithSummary("本人最近一次筛查结果（员工）");

        screenings.MapGet("/{id}/results/{format}", async (string id, string format, ScreeningJobs jobs, CancellationToken ct) =>
        {
            var results = Completed(Job(jobs, id));
            switch (format.ToLowerInvariant())
            {
                case "csv":
                    return Results.File(Path.Combine(results.Folder, ResultSetSink.DecisionsCsv), "text/csv; charset=utf-8", ResultSetSink.DecisionsCsv);
                case "json":
                    return Results.File(Path.Combine(results.Folder, ResultSetSink.DecisionsJson), "application/json; charset=utf-8", ResultSetSink.DecisionsJson);
                case "xlsx":
                    var folder = Path.Combine(results.Folder, "xlsx");
                    var file = Path.Combine(folder, ReviewExports.DecisionsFile);
                    await results.Rendering.WaitAsync(ct).ConfigureAwait(false);
                    try
                    {
                        if (!File.Exists(file))
                        {
                            // Aside in a folder of this process's own, then moved in whole (another instance may export too).
                            var staging = $"{folder}.staging-{Environment.ProcessId}-{Guid.NewGuid():N}";
                            Directory.CreateDirectory(staging);
                            try
                            {
                                ReviewExports.Decisions(staging, DecisionRecord.FromResult(results.Screened.Result, 0));
                                NoticeRendering.PublishFolder(staging, folder);
                            }
                            finally
                            {
                                if (Directory.Exists(staging))
                                {
                                    Directory.Delete(staging, recursive: true);
                                }
                            }
                        }
                    }
                    finally
                    {
                        results.Rendering.Release();
                    }

                    return Results.File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ReviewExports.DecisionsFile);
                default:
                    throw ApiProblem.BadRequest($"下载格式只能是 csv、json 或 xlsx，收到：{format}");
            }
        }).RequireAuthorization(Policies.HrAuditor).WithSummary("下载结果：csv（decisions.csv）、json（decisions.json）或 xlsx（决策结果.xlsx）");

        screenings.MapGet("/{id}/notices", async (string id, string? kind, string? format, string? issuedOn, ScreeningJobs jobs, NoticeRendering notices, CancellationToken ct) =>
        {
            var results = Completed(Job(jobs, id));
            var k = NoticeRendering.ParseKind(kind);
            var (folder, _) = await notices.RenderAsync(results, k, NoticeRendering.ParseFormat(format), Query.Date("issuedOn", issuedOn), ct).ConfigureAwait(false);
            return Results.File(NoticeRendering.Zip(folder), "application/zip", $"{k.ToCode()}.zip");
        }).RequireAuthorization(Policies.Hr).WithSummary("批量生成文书：某一种类的全部文书及 index.csv，打包为 zip");

        screenings.MapGet("/{id}/notices/{employeeId}", async (
            string id, string employeeId, string? kind, string? format, string? issuedOn, ScreeningJobs jobs, NoticeRendering notices, CancellationToken ct) =>
        {
            var results = Completed(Job(jobs, id));
            var f = NoticeRendering.ParseFormat(format);
            var (folder, index) = await notices.RenderAsync(results, NoticeRendering.ParseKind(kind), f, Query.Date("issuedOn", issuedOn), ct).ConfigureAwait(false);
            var row = index.FirstOrDefault(r => r.EmployeeId == employeeId)
                ?? throw ApiProblem.NotFound($"工号 {employeeId} 没有这一种类的文书（不符合条件，或不在花名册中）");
            if (row.File.Length == 0)
            {
                throw ApiProblem.Conflict($"工号 {employeeId} 的文书暂缓出具：{row.Reason}");
            }

            var contentType = f == Sdk.Documents.DocumentFormat.Html ? "text/html; charset=utf-8" : "text/markdown; charset=utf-8";
            return Results.File(Path.Combine(folder, Path.GetFileName(row.File)), contentType, row.File);
        }).RequireAuthorization(Policies.Hr).WithSummary("生成一份文书（HTML 或 Markdown）");
    }

    internal static ScreeningJobRun Job(ScreeningJobs jobs, string id) => jobs.Find(id) ?? throw ApiProblem.NotFound($"没有编号为 {id} 的筛查任务");

    private static ScreeningResults Completed(ScreeningJobRun job) =>
        job.Results ?? throw ApiProblem.Conflict($"筛查任务 {job.Id} 尚未完成（{StateName(job.State)}），还没有结果");

    internal static string StateName(JobState state) => state switch
    {
        JobState.Queued => "排队中",
        JobState.Running => "进行中",
        JobState.Completed => "已完成",
        JobState.Failed => "出错",
        _ => "已取消",
    };

    internal static JobStatus Status(ScreeningJobRun job) =>
        new(
            job.Id, job.RosterId, job.AsOf, job.State.ToString().ToLowerInvariant(), StateName(job.State), job.Stage, job.Done, job.Total, job.StartedBy,
            job.CreatedAt, job.State == JobState.Completed ? job.Counts : null, job.Error?.ToProblemDetails(), job.Message,
            job.State == JobState.Running ? job.Stored.Owner : null, job.Stored.Attempts);

    internal static T? ParseCode<T>(string name, string? text)
        where T : struct, Enum =>
        string.IsNullOrWhiteSpace(text) ? null
        : Vocabulary.TryParse<T>(text.Trim(), out var value) ? value
        : throw ApiProblem.BadRequest($"参数 {name} 的值“{text}”无法识别，可用值：{Vocabulary.Describe<T>()}", new Dictionary<string, object?> { ["parameter"] = name });

    internal static string? Level(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        return Vocabulary.TryParse<TitleLevel>(t, out var title) ? title.ToCode()
            : Vocabulary.TryParse<SkillLevel>(t, out var skill) ? skill.ToCode()
            : throw ApiProblem.BadRequest(
                $"参数 level 的值“{text}”无法识别，可用值：{Vocabulary.Describe<TitleLevel>()}；{Vocabulary.Describe<SkillLevel>()}",
                new Dictionary<string, object?> { ["parameter"] = "level" });
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

internal sealed record StartScreening(string? RosterId, string? AsOf, bool AllowStatutoryOnly);

internal sealed record JobCounts(int Employees, int RosterRejects, int NotApplied, int Decisions, IReadOnlyDictionary<string, int> Outcomes);

/// <summary>
/// A screening job's status; <c>message</c> says what happened to it beyond its state (e.g. taken over by another
/// instance after the one running it stopped), <c>instance</c> which instance of the service runs it (host:process:random)
/// and <c>attempts</c> how many times an instance started it (docs/service.md, "Several instances").
/// </summary>
internal sealed record JobStatus(
    string Id, string RosterId, DateOnly AsOf, string State, string StateName, string Stage, int Done, int Total, string StartedBy,
    DateTimeOffset CreatedAt, JobCounts? Counts, ProblemDetails? Error, string? Message, string? Instance, int Attempts);
