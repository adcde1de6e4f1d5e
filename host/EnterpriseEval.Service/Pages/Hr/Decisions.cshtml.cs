using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Service.Endpoints;
using EnterpriseEval.Service.Screening;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace EnterpriseEval.Service.Pages.Hr;

/// <summary>
/// The decisions of a completed screening, paged on the server by <see cref="DecisionIndex"/> (one pass over arrays,
/// fast on 100,000 decisions) with the filters of the API: outcome, path, level, department, a range of earliest dates
/// and a search on 工号 and 姓名. The 身份证号 in reasons is masked.
/// </summary>
[Authorize(Policy = Policies.Hr)]
internal sealed class DecisionsModel(ScreeningJobs jobs) : AppPageModel
{
    /// <summary>The page sizes offered; 50 by default.</summary>
    public static readonly int[] PageSizes = [20, 50, 100, 200];

    public int PageSize { get; private set; } = 50;

    public string Id { get; private set; } = "";

    public string? Outcome { get; private set; }

    public string? Path { get; private set; }

    public string? Level { get; private set; }

    public string? Department { get; private set; }

    public string? From { get; private set; }

    public string? By { get; private set; }

    public string? Q { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int Total { get; private set; }

    public int Pages => (Total + PageSize - 1) / PageSize;

    public IReadOnlyList<DecisionItem> Items { get; private set; } = [];

    public IReadOnlyList<string> Departments { get; private set; } = [];

    public IActionResult OnGet(string id, string? outcome, string? path, string? level, string? department, string? @from, string? by, string? q, [FromQuery(Name = "page")] string? pageNumber, string? size)
    {
        (Id, Outcome, Path, Level, Department, From, By, Q) = (id, outcome, path, level, department, @from, by, q);
        var job = jobs.Find(Id);
        if (job is null)
        {
            return NotFound();
        }

        if (job.Results is not { } results)
        {
            return Redirect($"/hr/screenings/{Id}");
        }

        Departments = [.. results.Index.Departments.Order(StringComparer.Ordinal)];
        Try(() =>
        {
            var filter = new DecisionFilter(
                ScreeningEndpoints.ParseCode<Outcome>("outcome", Outcome), ScreeningEndpoints.ParseCode<ScreeningPath>("path", Path),
                ScreeningEndpoints.Level(Level), Blank(Department), Query.Date("from", From), Query.Date("by", By), Blank(Q));
            // "page" is also the route value naming the Razor page: the page number is read from the query only.
            PageSize = Query.Int("size", size, 50, 1, PageSizes[^1]);
            PageNumber = Query.Int("page", pageNumber, 1, 1, int.MaxValue / PageSize);
            var (items, total) = results.Index.Query(filter, (PageNumber - 1) * PageSize, PageSize);
            Total = total;
            Items = [.. items.Select(i => DecisionViews.Item(i.Record, i.Decision, Actor))];
        });
        return Page();
    }

    /// <summary>The address of another page of the same query.</summary>
    public string PageUrl(int page)
    {
        var query = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add(new(key, value));
            }
        }

        Add("q", Q);
        Add("outcome", Outcome);
        Add("path", Path);
        Add("level", Level);
        Add("department", Department);
        Add("from", From);
        Add("by", By);
        if (PageSize != 50)
        {
            Add("size", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Add("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return $"/hr/screenings/{Uri.EscapeDataString(Id)}/decisions" + Microsoft.AspNetCore.Http.QueryString.Create(query);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
