using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Web;
using EnterpriseEval.Workflow.Review;
using Microsoft.AspNetCore.Authorization;

namespace EnterpriseEval.Service.Pages.Me;

/// <summary>The batches whose 公示 period is running today, for an employee.</summary>
[Authorize(Policy = Policies.Employee)]
internal sealed class MePublicityModel(ReviewStoreFactory stores, TimeProvider time) : AppPageModel
{
    public IReadOnlyList<(string Name, DateOnly Start, DateOnly End, int Candidates)> Batches { get; private set; } = [];

    public void OnGet()
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().Date);
        using var store = stores.Open(null);
        Batches = [.. store.Batches()
            .Select(b => (Batch: b, Publicity: store.Publicity(b.Id)))
            .Where(x => x.Publicity is { } p && p.Start <= today && today <= p.End)
            .Select(x => (x.Batch.Name, x.Publicity!.Start, x.Publicity.End, store.Votes(x.Batch.Id).Count(v => v.Passed)))];
    }
}
