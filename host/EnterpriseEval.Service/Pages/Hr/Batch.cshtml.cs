using EnterpriseEval.Engine.Output;
using EnterpriseEval.Service.Endpoints;
using EnterpriseEval.Service.Problems;
using EnterpriseEval.Service.Rosters;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Web;
using EnterpriseEval.Workflow.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

namespace EnterpriseEval.Service.Pages.Hr;

/// <summary>
/// A review batch, step by step, for the HR officer: screen (an uploaded roster), score, import the committee's vote
/// sheet, publicize, objections, issue, and the files the steps wrote. Each step is a form POST (anti-forgery checked)
/// that calls the same Workflow code as the API's endpoint (<see cref="ReviewEndpoints"/>, <see cref="ReviewSteps"/>),
/// with the signed-in account as the operator in the audit chain; a refusal is shown on the page in Chinese.
/// </summary>
[Authorize(Policy = Policies.Hr)]
internal sealed class BatchModel(
    ReviewStoreFactory stores,
    RosterLibrary rosters,
    BatchScreening screening,
    BatchScoring scoring,
    BatchVoting voting,
    BatchPublicity publicity,
    BatchIssue issue,
    ReviewDocuments documents,
    ServicePaths paths,
    TimeProvider time) : AppPageModel
{
    /// <summary>Largest vote sheet accepted (as the API's).</summary>
    private const long MaxSheetBytes = 16 * 1024 * 1024;

    /// <summary>The batch's name, from the route.</summary>
    public string Name => RouteData.Values["name"] as string ?? "";

    public BatchDetail? Detail { get; private set; }

    public IReadOnlyList<RosterInfo> Rosters { get; private set; } = [];

    public IReadOnlyList<string> Files { get; private set; } = [];

    public IReadOnlyList<RejectItem> VoteRejects { get; private set; } = [];

    public string Today => Format.Date(DateOnly.FromDateTime(time.GetLocalNow().Date));

    /// <summary>The first day a batch may be issued on: the day after its publicity, or today when later.</summary>
    public string IssueDate
    {
        get
        {
            var today = DateOnly.FromDateTime(time.GetLocalNow().Date);
            return Format.Date(Detail?.Batch.PublicityEnd is { } end && end >= today ? end.AddDays(1) : today);
        }
    }

    public IActionResult OnGet() => Load() ? Page() : NotFound();

    public IActionResult OnPostScreen(string? rosterId, CancellationToken ct) => Step(store =>
    {
        var batch = Writable(store);
        string? rosterPath = null;
        if (!string.IsNullOrWhiteSpace(rosterId))
        {
            rosterPath = rosters.ReadPath(rosters.Find(rosterId) ?? throw ApiProblem.NotFound($"没有编号为 {rosterId} 的花名册"));
        }

        var r = screening.Run(store, batch, rosterPath, null, Actor.UserName, null, ct);
        return $"资格筛查完成：已筛查 {r.Done}/{r.Total} 人，{r.Decisions} 条决策{(r.Rejects > 0 ? $"，拒收 {r.Rejects} 行" : "")}。";
    });

    public IActionResult OnPostScore() => Step(store =>
    {
        var scores = scoring.Run(store, Writable(store), null, Actor.UserName);
        return $"业绩评分完成：{scores.Count} 条，合格 {scores.Count(s => s.Passed)} 条。";
    });

    public async Task<IActionResult> OnPostVoteAsync(IFormFile? sheet, string? date, CancellationToken ct)
    {
        string? message = null;
        var ok = await TryAsync(async () =>
        {
            if (sheet is null || sheet.Length == 0)
            {
                throw ApiProblem.BadRequest("请选择表决文件（CSV 或 .xlsx）");
            }

            if (sheet.Length > MaxSheetBytes)
            {
                throw ApiProblem.TooLarge($"表决文件超过 {MaxSheetBytes:N0} 字节的上限");
            }

            var name = RosterLibrary.SafeName(sheet.FileName);
            if (Path.GetExtension(name).ToLowerInvariant() is not (".csv" or ".xlsx"))
            {
                throw ApiProblem.UnsupportedType($"不支持的文件 {name}：只接受 .csv、.xlsx");
            }

            var on = Query.Date("date", date) ?? DateOnly.FromDateTime(time.GetLocalNow().Date);
            var folder = Directory.CreateTempSubdirectory("eeval-upload-").FullName;
            try
            {
                var file = Path.Combine(folder, name);
                var target = System.IO.File.Create(file);
                await using (target.ConfigureAwait(false))
                {
                    await sheet.CopyToAsync(target, ct).ConfigureAwait(false);
                }

                using var store = stores.Open(null);
                var result = voting.Run(store, Writable(store), file, on, Actor.UserName);
                VoteRejects = [.. result.Rejects.Select(r => new RejectItem(r.File, r.Row, r.Column, IdentityScrubber.Scrub(r.Value), r.Reason))];
                message = $"表决结果已导入：{result.Votes.Count} 人次，通过 {result.Votes.Count(v => v.Passed)} 人次。";
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }).ConfigureAwait(false);
        if (ok && VoteRejects.Count == 0)
        {
            Done(message!);
            return Redirect(Self());
        }

        if (ok)
        {
            ViewData[PageMessages.DoneKey] = message;
        }

        return Load() ? Page() : NotFound();
    }

    public IActionResult OnPostPublicize(string? start, int? days) => Step(store =>
    {
        var p = ReviewSteps.Publicize(store, Writable(store), publicity, documents, paths, Query.Date("start", start), days, Actor);
        return $"已公示：{p.Candidates} 人，{Format.Date(p.Start)} 至 {Format.Date(p.End)}（{p.WorkingDays} 个工作日）。";
    });

    public IActionResult OnPostObjection(string? employeeId, string? reason, string? date) => Step(store =>
    {
        if (string.IsNullOrWhiteSpace(employeeId) || string.IsNullOrWhiteSpace(reason))
        {
            throw ApiProblem.BadRequest("请填写被提出异议的工号与异议内容");
        }

        var on = Query.Date("date", date) ?? DateOnly.FromDateTime(time.GetLocalNow().Date);
        var (o, again) = publicity.Object(store, Writable(store), employeeId.Trim(), reason.Trim(), on, Actor.UserName);
        return again ? $"这条异议（工号 {o.EmployeeId}）此前已登记。" : $"已登记工号 {o.EmployeeId} 的异议。";
    });

    public IActionResult OnPostIssue(string? date) => Step(store =>
    {
        var on = Query.Date("date", date) ?? DateOnly.FromDateTime(time.GetLocalNow().Date);
        var r = ReviewSteps.Issue(store, Writable(store), issue, paths, on, Actor);
        return $"已发文：通知书 {r.Notices.Count} 份{(r.Withheld.Count > 0 ? $"，异议成立不予发文 {r.Withheld.Count} 人" : "")}。";
    });

    /// <summary>A completed step: 已完成 or 未完成.</summary>
    public IHtmlContent Badge(bool done) =>
        new HtmlString(done ? "<span class=\"badge ok\">已完成</span>" : "<span class=\"badge\">未完成</span>");

    /// <summary>The Chinese name of an audit step.</summary>
    public static string StepName(string step) => step switch
    {
        "new" => "建立",
        "import" => "导入花名册",
        "screen" => "资格筛查",
        "screen-chunk" => "筛查中",
        "score" => "业绩评分",
        "vote" => "表决",
        "publicize" => "公示",
        "objection" => "异议",
        "objection-resolve" => "处理异议",
        "ballot-open" => "开启无记名投票",
        "ballot-cast" => "评委投票",
        "issue" => "发文",
        "replay" => "复现",
        _ => step,
    };

    /// <summary>Runs a step; on success back to the batch with its message, on a refusal the page with the Chinese error.</summary>
    private IActionResult Step(Func<Workflow.Review.Store.IReviewStore, string> step)
    {
        string? message = null;
        if (Try(() =>
        {
            using var store = stores.Open(null);
            message = step(store);
        }))
        {
            Done(message!);
            return Redirect(Self());
        }

        return Load() ? Page() : NotFound();
    }

    private ReviewBatch Writable(Workflow.Review.Store.IReviewStore store) => ReviewStoreFactory.Batch(store, ReviewEndpoints.Find(store, Name).Name);

    private string Self() => $"/hr/batches/{Uri.EscapeDataString(Name)}";

    private bool Load()
    {
        using var store = stores.Open(null);
        if (store.FindBatch(Name) is not { } batch)
        {
            return false;
        }

        Detail = ReviewSteps.Detail(store, batch, Actor);
        Rosters = [.. rosters.All().Reverse()];
        Files = ReviewSteps.Files(paths, batch);
        return true;
    }
}
