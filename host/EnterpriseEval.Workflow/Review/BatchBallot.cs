using System.Globalization;
using EnterpriseEval.Engine;
using EnterpriseEval.Engine.Notices;
using EnterpriseEval.Workflow.Review.Store;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Workflow.Review;

/// <summary>
/// The committee's secret ballot (无记名投票, docs/service.md "Secret ballot"), the alternative to importing a vote sheet
/// with <c>review vote</c>: HR opens it after <c>score</c> naming the committee (accounts with the role 评委), each member
/// casts one ballot per candidate (赞成/反对/弃权) once, HR closes it. Closing is the batch's <c>vote</c> step: the tally
/// applies the same <see cref="VoteRule"/> and stores the same votes as the import, so publicity and issue follow
/// unchanged; its audit entry seals the ballots (<see cref="BallotSeal"/>). The store never links a ballot to its voter.
/// </summary>
internal sealed class BatchBallot(IOptions<ReviewOptions> options)
{
    /// <summary>The role code of a committee member's account (docs/service.md, "Roles").</summary>
    public const string CommitteeRole = "committee";

    public const string OpenStep = "ballot-open";

    public const string CastStep = "ballot-cast";

    /// <summary>Whether the batch's ballot is open: opened and not yet closed.</summary>
    public static bool IsOpen(IReviewStore store, ReviewBatch batch) =>
        BatchSteps.Done(store, batch, OpenStep) && !BatchSteps.Done(store, batch, "vote");

    /// <summary>The candidates a ballot is about, in decision order, each once.</summary>
    public static IReadOnlyList<StoredDecision> Candidates(IReviewStore store, ReviewBatch batch) =>
        [.. new BatchScope(batch.Definition).Candidates(store.Decisions(batch.Id)).DistinctBy(d => d.CandidateKey)];

    /// <summary>One employee's candidates (the same as <see cref="Candidates(IReviewStore, ReviewBatch)"/> of that employee).</summary>
    public static IReadOnlyList<StoredDecision> Candidates(IReviewStore store, ReviewBatch batch, string employeeId) =>
        [.. new BatchScope(batch.Definition).Candidates(store.Decisions(batch.Id, employeeId)).DistinctBy(d => d.CandidateKey)];

    public StoredBallotRound Open(IReviewStore store, IAccountStore accounts, ReviewBatch batch, IReadOnlyList<string> memberNames, DateOnly openedOn, string user)
    {
        BatchSteps.RequireDone(store, batch, "score", "score");
        var names = memberNames.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            throw new UserFacingException("请选择评委会成员（角色为评委的账户），至少一人");
        }

        var members = new List<StoredBallotMember>();
        foreach (var name in names)
        {
            var account = accounts.FindAccount(name);
            if (account is null || account.Disabled || account.Role != CommitteeRole)
            {
                throw new UserFacingException($"“{name}”不是可用的评委账户（须为角色“评委”且未停用的账户），不能列为评委会成员");
            }

            members.Add(new StoredBallotMember(account.UserName, account.DisplayName));
        }

        var candidates = Candidates(store, batch);
        if (candidates.Count == 0)
        {
            throw new UserFacingException($"批次“{batch.Name}”没有候选人（资格筛查符合条件且在批次范围内者），无需投票");
        }

        _ = VoteRule.From(options.Value); // a bad VotePass/Quorum setting refuses the opening, not only the close
        using var lease = store.Lock();
        BatchSteps.RequireNotDone(store, batch, "vote", "完成评委会表决");
        BatchSteps.RequireNotDone(store, batch, OpenStep, "开启无记名投票");
        var round = new StoredBallotRound(openedOn, members.Count);
        store.OpenBallot(batch.Id, round, members, candidates.Select(c => c.CandidateKey), new AuditDraft(
            OpenStep,
            user,
            $"开启无记名投票：评委会 {members.Count} 人（{string.Join("、", members.Select(m => m.DisplayName))}），候选人 {candidates.Count} 人",
            new Dictionary<string, string>
            {
                ["opened_on"] = Day(openedOn),
                ["committee"] = string.Join(';', members.Select(m => m.UserName)),
                ["candidates"] = $"{candidates.Count}",
            }));
        lease.Commit();
        return round;
    }

    /// <summary>
    /// Casts <paramref name="member"/>'s ballot on one candidate. The audit entry names the member and the candidate,
    /// never the choice.
    /// </summary>
    public void Cast(IReviewStore store, ReviewBatch batch, string member, string candidateKey, string choice)
    {
        var code = BallotChoice.Parse(choice) ?? throw new UserFacingException("请选择赞成、反对或弃权");
        using var lease = store.Lock();
        RequireOpen(store, batch);
        if (!store.BallotMembers(batch.Id).Any(m => m.UserName == member))
        {
            throw new UserFacingException($"您不是批次“{batch.Name}”评委会的成员，不能投票");
        }

        // Looked up by the candidate's 工号 (an index), not by reading every decision and ballot of the batch: a committee
        // of 20 casting on hundreds of candidates makes thousands of casts, each under the store's write lock.
        var employeeId = candidateKey.Split('|')[0];
        var candidate = Candidates(store, batch, employeeId).FirstOrDefault(c => c.CandidateKey == candidateKey)
            ?? throw new UserFacingException($"批次“{batch.Name}”没有这位候选人（{candidateKey.Replace('|', ' ')}），不能投票");
        if (store.HasVoted(batch.Id, member, candidateKey))
        {
            throw new UserFacingException($"您已对候选人 {candidate.EmployeeId} {candidate.Name}（{ReviewExports.LevelName(candidate.TargetLevel)}）投过票，每位评委对每位候选人只能投一次");
        }

        store.CastBallot(batch.Id, member, candidateKey, code, new AuditDraft(
            CastStep,
            member,
            $"评委 {member} 对候选人 {candidate.EmployeeId} {candidate.Name}（{ReviewExports.PathName(candidate.Path)} {ReviewExports.LevelName(candidate.TargetLevel)}）投票",
            new Dictionary<string, string> { ["candidate"] = candidateKey }));
        lease.Commit();
    }

    /// <summary>
    /// Closes the ballot as the batch's <c>vote</c> step: one vote per candidate from the counters, judged by the vote
    /// rule against the committee size, stored as <c>review vote</c> stores them, with the seal of the ballots.
    /// </summary>
    public IReadOnlyList<StoredVote> Close(IReviewStore store, ReviewBatch batch, DateOnly votedOn, string user)
    {
        var rule = VoteRule.From(options.Value);
        using var lease = store.Lock();
        RequireOpen(store, batch);
        var round = store.BallotRound(batch.Id)!;
        if (votedOn < round.OpenedOn)
        {
            throw new UserFacingException($"表决日期{Dates.Chinese(votedOn)}早于投票开启日期{Dates.Chinese(round.OpenedOn)}");
        }

        var counts = store.BallotCounts(batch.Id);
        var votes = Tally(Candidates(store, batch), counts, round.Committee, rule);
        var turnout = store.BallotVoters(batch.Id).Select(v => v.UserName).Distinct(StringComparer.Ordinal).Count();
        store.SaveVotes(batch.Id, votes, votedOn, new AuditDraft(
            "vote",
            user,
            $"结束无记名投票并计票：候选人 {votes.Count} 人，通过 {votes.Count(v => v.Passed)} 人；评委会 {round.Committee} 人，{turnout} 人投票",
            new Dictionary<string, string>
            {
                ["voted_on"] = Day(votedOn),
                ["source"] = "ballot",
                ["rule"] = $"quorum {rule.Quorum}, pass {rule.Pass}",
                ["committee"] = $"{round.Committee}",
                ["ballots"] = $"{counts.Sum(c => c.Count)}",
                [BallotSeal.Fact] = BallotSeal.Hash(counts),
            }));
        lease.Commit();

        // The counters were rewritten in place cast after cast; rebuilding the file leaves no trace of the order in
        // which SQLite moved their cells (docs/service.md, "Secret ballot").
        store.Rewrite();
        return votes;
    }

    /// <summary>One vote per candidate: those present are the members who cast a ballot on it (弃权 included).</summary>
    public static List<StoredVote> Tally(IReadOnlyList<StoredDecision> candidates, IReadOnlyList<StoredBallotCount> counts, int committee, VoteRule rule)
    {
        var votes = new List<StoredVote>();
        foreach (var c in candidates)
        {
            int Of(string choice) => counts.Where(x => x.Candidate == c.CandidateKey && x.Choice == choice).Sum(x => x.Count);
            var (votesFor, against, abstain) = (Of(BallotChoice.For), Of(BallotChoice.Against), Of(BallotChoice.Abstain));
            var present = votesFor + against + abstain;
            var (quorumMet, passed, reason) = rule.Judge(committee, present, votesFor);
            votes.Add(new StoredVote(c.EmployeeId, c.Name, c.Path, c.TargetLevel, committee, present, votesFor, against, abstain, quorumMet, passed, reason));
        }

        return votes;
    }

    private static void RequireOpen(IReviewStore store, ReviewBatch batch)
    {
        if (!BatchSteps.Done(store, batch, OpenStep))
        {
            throw new UserFacingException($"批次“{batch.Name}”尚未开启无记名投票");
        }

        if (BatchSteps.Done(store, batch, "vote"))
        {
            throw new UserFacingException($"批次“{batch.Name}”的评委会表决已经结束，不能再投票或结束投票");
        }
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
