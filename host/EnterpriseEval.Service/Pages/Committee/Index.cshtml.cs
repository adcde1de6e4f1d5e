using EnterpriseEval.Service.Endpoints;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Web;
using EnterpriseEval.Workflow.Review;
using Microsoft.AspNetCore.Authorization;

namespace EnterpriseEval.Service.Pages.Committee;

/// <summary>A committee member's batches: those whose secret ballot names them, with how far their own voting has come.</summary>
[Authorize(Policy = Policies.Committee)]
internal sealed class CommitteeHomeModel(ReviewStoreFactory stores) : AppPageModel
{
    public IReadOnlyList<CommitteeBatch> Batches { get; private set; } = [];

    public void OnGet()
    {
        using var store = stores.Open(null);
        var list = new List<CommitteeBatch>();
        foreach (var b in store.Batches().Where(b => store.BallotMembers(b.Id).Any(m => m.UserName == Actor.UserName)))
        {
            var s = BallotEndpoints.Status(store, b, Actor);
            list.Add(new CommitteeBatch(b.Name, b.Definition.Year, s.State, s.StateName, s.OpenedOn, s.Candidates.Count, s.Candidates.Count(c => c.VotedByMe)));
        }

        Batches = list;
    }
}

/// <summary>One batch on a member's home page.</summary>
internal sealed record CommitteeBatch(string Name, int Year, string State, string StateName, DateOnly? OpenedOn, int Candidates, int VotedByMe);
