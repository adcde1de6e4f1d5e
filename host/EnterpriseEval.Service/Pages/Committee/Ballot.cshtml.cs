using EnterpriseEval.Engine;
using EnterpriseEval.Service.Endpoints;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Web;
using EnterpriseEval.Workflow.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using EnterpriseEval.Engine.Notices;

namespace EnterpriseEval.Service.Pages.Committee;

/// <summary>
/// The secret ballot for a member of the batch's committee (docs/service.md, "Secret ballot"): one form per candidate
/// (赞成/反对/弃权, anti-forgery checked), 已投票 once cast. The page never shows what the member chose, nor anything of
/// the other members' ballots; the success message names the candidate, not the choice.
/// </summary>
[Authorize(Policy = Policies.Committee)]
internal sealed class CommitteeBallotModel(ReviewStoreFactory stores, BatchBallot ballots, IOptions<ReviewOptions> options) : AppPageModel
{
    [FromRoute]
    public string Name { get; set; } = "";

    public BallotStatus? Ballot { get; private set; }

    /// <summary>The pass rule in force, for the members to read (EnterpriseEval:Review:VotePass and Quorum).</summary>
    public VoteRule Rule => VoteRule.From(options.Value);

    public IActionResult OnGet() => Load() ? Page() : NotFound();

    public IActionResult OnPostCast(string? employeeId, string? path, string? targetLevel, string? choice)
    {
        string? message = null;
        var member = true;
        if (Try(() =>
        {
            using var store = stores.Open(null);
            var batch = ReviewEndpoints.Find(store, Name);
            member = store.BallotMembers(batch.Id).Any(m => m.UserName == Actor.UserName);
            if (!member)
            {
                return;
            }

            if (BallotChoice.Parse(choice) is null)
            {
                throw new UserFacingException("请先选择赞成、反对或弃权，再投票");
            }

            var candidate = BallotEndpoints.Candidate(store, batch, employeeId, path, targetLevel);
            ballots.Cast(store, batch, Actor.UserName, candidate.CandidateKey, choice!);
            message = $"已投票：{candidate.EmployeeId} {candidate.Name}（{Format.Level(candidate.TargetLevel)}）。";
        }) && member)
        {
            Done(message!);
            return Redirect($"/committee/batches/{Uri.EscapeDataString(Name)}/ballot");
        }

        return member && Load() ? Page() : NotFound();
    }

    private bool Load()
    {
        using var store = stores.Open(null);
        if (store.FindBatch(Name) is not { } batch || !store.BallotMembers(batch.Id).Any(m => m.UserName == Actor.UserName))
        {
            return false;
        }

        Ballot = BallotEndpoints.Status(store, batch, Actor);
        return true;
    }
}
