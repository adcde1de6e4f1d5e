using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Service.Endpoints;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Web;
using EnterpriseEval.Workflow.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Service.Pages.Hr;

/// <summary>
/// The review batches (<c>review show</c> of each) and a new batch (<c>review new</c>, as <c>POST /api/v1/batches</c>:
/// <see cref="ReviewBatches.Create"/> on the service's plug-ins, the signed-in account as operator).
/// </summary>
[Authorize(Policy = Policies.Hr)]
internal sealed class BatchesModel(ReviewStoreFactory stores, ReviewBatches review, IOptions<PluginsOptions> plugins, TimeProvider time) : AppPageModel
{
    public IReadOnlyList<BatchSummary> Batches { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public int? Year { get; set; }

    [BindProperty]
    public string? Series { get; set; } = "engineering";

    [BindProperty]
    public List<string> Levels { get; set; } = ["assistant", "intermediate"];

    [BindProperty]
    public string? AsOf { get; set; }

    public void OnGet()
    {
        Year = time.GetLocalNow().Year;
        Load();
    }

    public IActionResult OnPost()
    {
        ReviewBatch? created = null;
        if (Try(() =>
        {
            if (string.IsNullOrWhiteSpace(Name) || Year is null || string.IsNullOrWhiteSpace(Series) || Levels.Count == 0)
            {
                throw new Engine.UserFacingException("请填写批次名称、年度、职称系列，并至少选择一个评审层级");
            }

            using var store = stores.Open(null);
            var directory = string.IsNullOrWhiteSpace(plugins.Value.Directory) ? null : plugins.Value.Directory;
            created = review.Create(
                store, new NewBatchRequest(Name.Trim(), Year.Value, Series, string.Join(',', Levels), Query.Date("asOf", AsOf), directory), Actor.UserName);
        }))
        {
            Done($"已建立评审批次“{created!.Name}”。下一步：资格筛查。");
            return Redirect($"/hr/batches/{Uri.EscapeDataString(created.Name)}");
        }

        Load();
        return Page();
    }

    private void Load()
    {
        using var store = stores.Open(null);
        Batches = [.. store.Batches().Select(b => ReviewEndpoints.Summary(store, b))];
    }
}
