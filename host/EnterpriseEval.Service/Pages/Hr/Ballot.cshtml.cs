using EnterpriseEval.Service.Endpoints;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Web;
using EnterpriseEval.Workflow.Review;
using EnterpriseEval.Workflow.Review.Store;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using EnterpriseEval.Engine.Notices;

namespace EnterpriseEval.Service.Pages.Hr;

/// <summary>
/// The HR officer's side of a batch's secret ballot (docs/service.md, "Secret ballot"): open it choosing the committee
/// (accounts with the role 评委), follow the turnout (how many candidates each member has voted on — never a choice),
/// close it: the tally is the batch's vote step. Same Workflow code as the API (<see cref="BatchBallot"/>).
/// </summary>
[Authorize(Policy = Policies.Hr)]
internal sealed class HrBallotModel(ReviewStoreFactory stores, BatchBallot ballots, TimeProvider time, IOptions<ReviewOptions> options) : AppPageModel
{
    [FromRoute]
    public string Name { get; set; } = "";

    public BallotStatus? Ballot { get; private set; }

    /// <summary>The pass rule the tally applies (EnterpriseEval:Review:VotePass and Quorum).</summary>
    public VoteRule Rule => VoteRule.From(options.Value);

    /// <summary>The accounts that may sit on the committee: role 评委, not disabled.</summary>
    public IReadOnlyList<StoredAccount> CommitteeAccounts { get; private set; } = [];

    public IReadOnlyList<StoredVote> Votes { get; private set; } = [];

    public bool Scored { get; private set; }

    public bool Voted { get; private set; }

    public string Today => Format.Date(DateOnly.FromDateTime(time.GetLocalNow().Date));

    public IActionResult OnGet() => Load() ? Page() : NotFound();

    public IActionResult OnPostOpen(string[]? members, string? date) => Step(store =>
    {
        var batch = ReviewStoreFactory.Batch(store, ReviewEndpoints.Find(store, Name).Name);
        var on = Query.Date("date", date) ?? DateOnly.FromDateTime(time.GetLocalNow().Date);
        var round = ballots.Open(store, store, batch, members ?? [], on, Actor.UserName);
        return $"已开启无记名投票：评委会 {round.Committee} 人。";
    });

    public IActionResult OnPostClose(string? date) => Step(store =>
    {
        var batch = ReviewStoreFactory.Batch(store, ReviewEndpoints.Find(store, Name).Name);
        var on = Query.Date("date", date) ?? DateOnly.FromDateTime(time.GetLocalNow().Date);
        var votes = ballots.Close(store, batch, on, Actor.UserName);
        return $"投票已结束并计票：候选人 {votes.Count} 人，通过 {votes.Count(v => v.Passed)} 人。";
    });

    private IActionResult Step(Func<ReviewStore, string> step)
    {
        string? message = null;
        if (Try(() =>
        {
            using var store = stores.OpenAccounts(null);
            message = step(store);
        }))
        {
            Done(message!);
            return Redirect($"/hr/batches/{Uri.EscapeDataString(Name)}/ballot");
        }

        return Load() ? Page() : NotFound();
    }

    private bool Load()
    {
        using var store = stores.OpenAccounts(null);
        if (store.FindBatch(Name) is not { } batch)
        {
            return false;
        }

        Ballot = BallotEndpoints.Status(store, batch, Actor);
        CommitteeAccounts = [.. store.Accounts().Where(a => a.Role == Roles.Committee && !a.Disabled)];
        Votes = store.Votes(batch.Id);
        Scored = BatchSteps.Done(store, batch, "score");
        Voted = BatchSteps.Done(store, batch, "vote");
        return true;
    }
}
