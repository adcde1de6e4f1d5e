using System.Security.Claims;
using EnterpriseEval.Service.Problems;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Workflow.Review;
using EnterpriseEval.Workflow.Review.Store;

namespace EnterpriseEval.Service.Endpoints;

/// <summary>
/// The committee's secret ballot (docs/service.md, "Secret ballot"): HR opens and closes it, each member casts their
/// ballots. Every answer says at most THAT a member voted; none carries a member's choice, and before the close nobody
/// sees any count.
/// </summary>
internal static class BallotEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var ballot = api.MapGroup("/batches/{name}/ballot").WithTags("自主评审");

        ballot.MapPost("", (string name, OpenBallotRequest request, ReviewStoreFactory stores, BatchBallot ballots, TimeProvider time, ClaimsPrincipal user) =>
        {
            var on = Query.Date("date", request.Date) ?? DateOnly.FromDateTime(time.GetLocalNow().Date);
            using var store = stores.OpenAccounts(null);
            var batch = ReviewStoreFactory.Batch(store, ReviewEndpoints.Find(store, name).Name);
            ballots.Open(store, store, batch, request.Members ?? [], on, Actor.Of(user).UserName);
            return Results.Created($"/api/v1/batches/{Uri.EscapeDataString(batch.Name)}/ballot", Status(store, batch, Actor.Of(user)));
        }).RequireAuthorization(Policies.Hr).Produces<BallotStatus>(StatusCodes.Status201Created)
            .WithSummary("开启无记名投票：选定评委会成员（角色为评委的账户，人数计入法定到会比例），须在业绩评分之后");

        ballot.MapGet("", (string name, ReviewStoreFactory stores, ClaimsPrincipal user) =>
        {
            using var store = stores.Open(null);
            var batch = ReviewEndpoints.Find(store, name);
            return Results.Ok(Status(store, batch, Actor.Of(user)));
        }).RequireAuthorization(Policies.Reviewers).Produces<BallotStatus>()
            .WithSummary("无记名投票状态：评委会、候选人；评委只看到自己已对哪些候选人投票，人事与审计看到每位评委已投票的人数，均不含任何人的选择");

        ballot.MapPost("/votes", (string name, CastRequest request, ReviewStoreFactory stores, BatchBallot ballots, ClaimsPrincipal user) =>
        {
            var actor = Actor.Of(user);
            using var store = stores.Open(null);
            var batch = ReviewEndpoints.Find(store, name);
            var candidate = Candidate(store, batch, request.EmployeeId, request.Path, request.TargetLevel);
            ballots.Cast(store, batch, actor.UserName, candidate.CandidateKey, request.Choice ?? "");
            return Results.Created(
                $"/api/v1/batches/{Uri.EscapeDataString(batch.Name)}/ballot",
                new CastResult(true, candidate.EmployeeId, candidate.Name, candidate.Path, candidate.TargetLevel, "已投票"));
        }).RequireAuthorization(Policies.Committee).Produces<CastResult>(StatusCodes.Status201Created)
            .WithSummary("评委投票：对一位候选人投赞成、反对或弃权（for/against/abstain），每人每位候选人一次；回答只说明已投票");

        ballot.MapPost("/close", (string name, CloseBallotRequest request, ReviewStoreFactory stores, BatchBallot ballots, TimeProvider time, ClaimsPrincipal user) =>
        {
            var on = Query.Date("date", request.Date) ?? DateOnly.FromDateTime(time.GetLocalNow().Date);
            using var store = stores.Open(null);
            var batch = ReviewStoreFactory.Batch(store, ReviewEndpoints.Find(store, name).Name);
            var votes = ballots.Close(store, batch, on, Actor.Of(user).UserName);
            return Results.Ok(votes.Select(ReviewEndpoints.Vote).ToList());
        }).RequireAuthorization(Policies.Hr).Produces<List<VoteItem>>()
            .WithSummary("结束无记名投票并计票（即 review vote 一步）：按表决规则判定每位候选人，结果与导入表决文件相同，选票封存入审计链");
    }

    /// <summary>The ballot as <paramref name="actor"/> may see it.</summary>
    public static BallotStatus Status(IReviewStore store, ReviewBatch batch, Actor actor)
    {
        var round = store.BallotRound(batch.Id);
        var state = round is null ? "none" : BatchBallot.IsOpen(store, batch) ? "open" : "closed";
        var voters = store.BallotVoters(batch.Id);
        var mine = voters.Where(v => v.UserName == actor.UserName).Select(v => v.Candidate).ToHashSet(StringComparer.Ordinal);
        var members = store.BallotMembers(batch.Id);
        var seesTurnout = actor.Role is Roles.Hr or Roles.Auditor;
        var candidates = BatchBallot.Candidates(store, batch);
        return new BallotStatus(
            state,
            StateName(state),
            round?.OpenedOn,
            round?.Committee,
            [.. members.Select(m => new BallotMemberItem(m.UserName, m.DisplayName, seesTurnout ? voters.Count(v => v.UserName == m.UserName) : null))],
            members.Any(m => m.UserName == actor.UserName),
            [.. candidates.Select(c => new BallotCandidate(
                c.EmployeeId, c.Name, c.Path, ReviewExports.PathName(c.Path), c.TargetLevel, ReviewExports.LevelName(c.TargetLevel),
                mine.Contains(c.CandidateKey)))]);
    }

    public static string StateName(string state) => state switch
    {
        "open" => "投票进行中",
        "closed" => "投票已结束",
        _ => "未开启",
    };

    /// <summary>The candidate a request names (工号, level and, when the employee has several paths to it, the path).</summary>
    public static StoredDecision Candidate(IReviewStore store, ReviewBatch batch, string? employeeId, string? path, string? level)
    {
        if (string.IsNullOrWhiteSpace(employeeId) || string.IsNullOrWhiteSpace(level))
        {
            throw ApiProblem.BadRequest("请填写候选人的工号 employeeId 与申报层级 targetLevel（有多条路径时另填 path）");
        }

        var matches = BatchBallot.Candidates(store, batch, employeeId.Trim())
            .Where(c => c.TargetLevel == level.Trim() && (string.IsNullOrWhiteSpace(path) || c.Path == path.Trim()))
            .ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw ApiProblem.BadRequest($"批次“{batch.Name}”没有工号 {employeeId} 申报{ReviewExports.LevelName(level.Trim())}的候选人"),
            _ => throw ApiProblem.BadRequest($"工号 {employeeId} 有多条申报{ReviewExports.LevelName(level.Trim())}的路径，请填写 path"),
        };
    }
}

internal sealed record OpenBallotRequest(IReadOnlyList<string>? Members, string? Date);

internal sealed record CastRequest(string? EmployeeId, string? Path, string? TargetLevel, string? Choice);

internal sealed record CloseBallotRequest(string? Date);

/// <summary>That the caller's ballot on this candidate is recorded — never what it was.</summary>
internal sealed record CastResult(bool Voted, string EmployeeId, string Name, string Path, string TargetLevel, string Message);

/// <summary>A member of the committee; <c>votedCandidates</c> (how many candidates they have voted on) for HR and the auditor only.</summary>
internal sealed record BallotMemberItem(string UserName, string DisplayName, int? VotedCandidates);

/// <summary>A candidate of the ballot; <c>votedByMe</c>: the caller has cast their ballot on it.</summary>
internal sealed record BallotCandidate(string EmployeeId, string Name, string Path, string PathName, string TargetLevel, string TargetLevelName, bool VotedByMe);

/// <summary>The secret ballot of a batch: <c>state</c> none, open or closed; counts only once closed, as the batch's votes.</summary>
internal sealed record BallotStatus(
    string State, string StateName, DateOnly? OpenedOn, int? Committee, IReadOnlyList<BallotMemberItem> Members, bool IAmMember,
    IReadOnlyList<BallotCandidate> Candidates);
