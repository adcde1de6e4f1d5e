using EnterpriseEval.Service.Endpoints;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Web;
using EnterpriseEval.Workflow.Review;
using Microsoft.AspNetCore.Authorization;

namespace EnterpriseEval.Service.Pages.Audit;

/// <summary>The auditor's list of review batches, read-only, each with its record and its export for filing.</summary>
[Authorize(Policy = Policies.HrAuditor)]
internal sealed class AuditHomeModel(ReviewStoreFactory stores) : AppPageModel
{
    public IReadOnlyList<BatchSummary> Batches { get; private set; } = [];

    public void OnGet()
    {
        using var store = stores.Open(null);
        Batches = [.. store.Batches().Select(b => ReviewEndpoints.Summary(store, b))];
    }
}
