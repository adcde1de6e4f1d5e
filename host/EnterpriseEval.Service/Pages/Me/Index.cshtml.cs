using EnterpriseEval.Service.Review;
using EnterpriseEval.Service.Screening;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Web;
using EnterpriseEval.Workflow.Review;
using Microsoft.AspNetCore.Authorization;

namespace EnterpriseEval.Service.Pages.Me;

/// <summary>
/// The employee's own screening result with its reasons and clauses: the latest screening job that has them (as
/// <c>GET /api/v1/me/screening</c>), else the latest review batch that screened them. Only their own; 身份证号 masked.
/// </summary>
[Authorize(Policy = Policies.Employee)]
internal sealed class MeHomeModel(ScreeningJobs jobs, ReviewStoreFactory stores) : AppPageModel
{
    /// <summary>From a screening job: who and every decision with its findings.</summary>
    public EmployeeScreening? Screening { get; private set; }

    /// <summary>Else from a review batch: its name and the stored decisions with their findings.</summary>
    public (string Batch, IReadOnlyList<(StoredDecision Decision, IReadOnlyList<DossierFinding> Findings)> Decisions)? FromBatch { get; private set; }

    public void OnGet()
    {
        var id = Actor.EmployeeId ?? "";
        if (jobs.LatestWith(id) is { } latest)
        {
            var found = latest.Results.Index.Employee(id)!.Value;
            Screening = DecisionViews.Screening(found.Record, found.Decisions, Actor);
            return;
        }

        using var store = stores.Open(null);
        foreach (var batch in store.Batches().Reverse())
        {
            var mine = store.Decisions(batch.Id).Where(d => d.EmployeeId == id).ToList();
            if (mine.Count > 0)
            {
                FromBatch = (batch.Name, [.. mine.Select(d => (d, Dossier.Findings(d.FindingsJson, Actor)))]);
                return;
            }
        }
    }
}
