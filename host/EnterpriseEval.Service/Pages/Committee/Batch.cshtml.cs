using EnterpriseEval.Service.Endpoints;
using EnterpriseEval.Service.Review;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Web;
using EnterpriseEval.Workflow.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace EnterpriseEval.Service.Pages.Committee;

/// <summary>
/// The candidates' dossiers of a batch for a member of its committee: each candidate's decision, the findings with the
/// clauses they apply, the scores (身份证号 masked). Only the batch's committee members see it.
/// </summary>
[Authorize(Policy = Policies.Committee)]
internal sealed class CommitteeBatchModel(ReviewStoreFactory stores) : AppPageModel
{
    [FromRoute]
    public string Name { get; set; } = "";

    public BallotStatus? Ballot { get; private set; }

    public IReadOnlyList<CandidateDossier> Dossiers { get; private set; } = [];

    public IActionResult OnGet()
    {
        using var store = stores.Open(null);
        if (store.FindBatch(Name) is not { } batch || !store.BallotMembers(batch.Id).Any(m => m.UserName == Actor.UserName))
        {
            return NotFound();
        }

        Ballot = BallotEndpoints.Status(store, batch, Actor);
        Dossiers = Dossier.Of(store, batch, Actor);
        return Page();
    }
}
