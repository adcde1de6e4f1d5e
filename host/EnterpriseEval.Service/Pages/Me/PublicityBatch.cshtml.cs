using EnterpriseEval.Engine;
using EnterpriseEval.Service.Endpoints;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Web;
using EnterpriseEval.Workflow.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace EnterpriseEval.Service.Pages.Me;

/// <summary>
/// A batch's publicity list during its 公示 period, for an employee, with the form to lodge an objection (异议) against
/// anyone on it — a colleague or themself — as <c>POST /api/v1/batches/{name}/objections</c> does, and the status of the
/// objections they lodged. Who objected is shown to HR and the auditor only. Outside the period the list is not shown.
/// </summary>
[Authorize(Policy = Policies.Employee)]
internal sealed class MePublicityBatchModel(ReviewStoreFactory stores, BatchPublicity publicity, TimeProvider time) : AppPageModel
{
    [FromRoute]
    public string Name { get; set; } = "";

    public StoredPublicity? Publicity { get; private set; }

    public bool Running { get; private set; }

    public IReadOnlyList<StoredVote> Listed { get; private set; } = [];

    /// <summary>The candidate the form names first: the signed-in employee when listed, else the first on the list.</summary>
    public string? Preselected { get; private set; }

    public IReadOnlyList<ObjectionItem> MyObjections { get; private set; } = [];

    public IActionResult OnGet() => Load() ? Page() : NotFound();

    public IActionResult OnPostObject(string? candidate, string? reason)
    {
        string? message = null;
        if (Try(() =>
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                throw new UserFacingException("请写明异议内容");
            }

            using var store = stores.Open(null);
            var batch = ReviewStoreFactory.Batch(store, ReviewEndpoints.Find(store, Name).Name);
            if (string.IsNullOrWhiteSpace(candidate))
            {
                throw new UserFacingException("请选择提出异议的对象");
            }

            var (o, again) = publicity.Object(store, batch, candidate.Trim(), reason.Trim(), Today, Actor.UserName);
            message = again ? $"这条异议此前已登记（异议 #{o.Id}）。" : $"已登记异议 #{o.Id}：人事部门核实处理后，结论会显示在这里。";
        }))
        {
            Done(message!);
            return Redirect($"/me/publicity/{Uri.EscapeDataString(Name)}");
        }

        return Load() ? Page() : NotFound();
    }

    private DateOnly Today => DateOnly.FromDateTime(time.GetLocalNow().Date);

    private bool Load()
    {
        using var store = stores.Open(null);
        if (store.FindBatch(Name) is not { } batch || store.Publicity(batch.Id) is not { } p)
        {
            return false;
        }

        Publicity = p;
        Running = p.Start <= Today && Today <= p.End;
        Listed = Running ? [.. store.Votes(batch.Id).Where(v => v.Passed)] : [];
        Preselected = Listed.Any(v => v.EmployeeId == Actor.EmployeeId) ? Actor.EmployeeId : Listed.FirstOrDefault()?.EmployeeId;
        MyObjections = [.. store.Objections(batch.Id).Where(o => o.RecordedBy == Actor.UserName).Select(o => ReviewEndpoints.Objection(o, Actor))];
        return true;
    }
}
