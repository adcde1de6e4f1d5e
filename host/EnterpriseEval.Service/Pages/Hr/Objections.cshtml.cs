using EnterpriseEval.Service.Endpoints;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Web;
using EnterpriseEval.Workflow.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace EnterpriseEval.Service.Pages.Hr;

/// <summary>
/// The objections of a batch for the HR officer (docs/service.md, "Objections"): each with its status, and a form to
/// resolve an open one — upheld (no notice) or dismissed (issued) — with a reason; the issue waits until none is open.
/// </summary>
[Authorize(Policy = Policies.Hr)]
internal sealed class HrObjectionsModel(ReviewStoreFactory stores, BatchPublicity publicity, TimeProvider time) : AppPageModel
{
    [FromRoute]
    public string Name { get; set; } = "";

    public IReadOnlyList<ObjectionItem> Objections { get; private set; } = [];

    public bool Issued { get; private set; }

    public string Today => Format.Date(DateOnly.FromDateTime(time.GetLocalNow().Date));

    public IActionResult OnGet() => Load() ? Page() : NotFound();

    public IActionResult OnPostResolve(long id, string? outcome, string? reason, string? date)
    {
        string? message = null;
        if (Try(() =>
        {
            using var store = stores.Open(null);
            var batch = ReviewStoreFactory.Batch(store, ReviewEndpoints.Find(store, Name).Name);
            var on = Query.Date("date", date) ?? DateOnly.FromDateTime(time.GetLocalNow().Date);
            var o = publicity.Resolve(store, batch, id, outcome ?? "", reason ?? "", on, Actor.UserName);
            message = $"已处理异议 #{o.Id}（工号 {o.EmployeeId}）：{ObjectionOutcome.Chinese(o.Status)}。";
        }))
        {
            Done(message!);
            return Redirect($"/hr/batches/{Uri.EscapeDataString(Name)}/objections");
        }

        return Load() ? Page() : NotFound();
    }

    private bool Load()
    {
        using var store = stores.Open(null);
        if (store.FindBatch(Name) is not { } batch)
        {
            return false;
        }

        Objections = [.. store.Objections(batch.Id).Select(o => ReviewEndpoints.Objection(o, Actor))];
        Issued = BatchSteps.Done(store, batch, "issue");
        return true;
    }
}
