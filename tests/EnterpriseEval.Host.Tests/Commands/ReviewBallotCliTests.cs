using EnterpriseEval.Engine.Notices;
using EnterpriseEval.Host.Tests.Support;
using EnterpriseEval.Workflow.Review;
using EnterpriseEval.Workflow.Review.Store;
using Microsoft.Extensions.Options;
using static EnterpriseEval.Host.Tests.Support.ReviewSample;

namespace EnterpriseEval.Host.Tests.Commands;

/// <summary>
/// <c>eeval review ballot open|close</c> (docs/service.md, "Secret ballot"): HR opens the committee's secret ballot and
/// closes it from the command line; the members' ballots (cast in <c>eeval serve</c>) go through the same engine here.
/// </summary>
public sealed class ReviewBallotCliTests
{
    [Fact]
    public async Task Hr_opens_and_closes_a_secret_ballot_and_its_tally_is_the_batch_vote_that_publicity_follows()
    {
        using var dir = new TempFolder();
        var store = dir.File("review.db");
        await CliRun.Ok(New(store));
        await CliRun.Ok(["review", "screen", "--store", store, "--batch", Batch, "--roster", Roster]);
        string[] open = ["review", "ballot", "open", "--store", store, "--batch", Batch, "--members", "zhao,qian,sun", "--date", "2026-12-28", "--user", "王审核"];
        var early = await CliRun.Of(open);
        Assert.NotEqual(0, early.ExitCode);
        Assert.Contains("review score", early.Output);
        await CliRun.Ok(["review", "score", "--store", store, "--batch", Batch]);
        using (var accounts = Open(store))
        {
            foreach (var (name, role) in new[] { ("zhao", "committee"), ("qian", "committee"), ("sun", "committee"), ("wang", "hr") })
            {
                accounts.CreateAccount(
                    new StoredAccount(0, name, $"{name}（测试）", role, null, "not a password hash", 0, null, false, DateTimeOffset.UtcNow),
                    new AuditDraft("account", "测试准备", $"建立账户 {name}"));
            }
        }

        var notCommittee = await CliRun.Of(["review", "ballot", "open", "--store", store, "--batch", Batch, "--members", "zhao,wang"]);
        Assert.NotEqual(0, notCommittee.ExitCode);
        Assert.Contains("“wang”不是可用的评委账户", notCommittee.Output);
        Assert.Contains("评委会 3 人", await CliRun.Ok(open));

        // The members' ballots, as eeval serve casts them: zhao and qian for, sun against — exactly 2/3 of those present.
        int candidates;
        using (var s = Open(store))
        {
            var batch = s.FindBatch(Batch)!;
            var ballots = new BatchBallot(Options.Create(new ReviewOptions()));
            var list = BatchBallot.Candidates(s, batch);
            candidates = list.Count;
            foreach (var c in list)
            {
                ballots.Cast(s, batch, "zhao", c.CandidateKey, "赞成");
                ballots.Cast(s, batch, "qian", c.CandidateKey, "for");
                ballots.Cast(s, batch, "sun", c.CandidateKey, "反对");
            }
        }

        var sheet = await CliRun.Of(["review", "vote", "--store", store, "--batch", Batch, "--file", Votes, "--date", "2026-12-30"]);
        Assert.NotEqual(0, sheet.ExitCode);
        Assert.Contains("已开启无记名投票", sheet.Output);
        var closed = await CliRun.Ok(["review", "ballot", "close", "--store", store, "--batch", Batch, "--date", "2026-12-30", "--user", "王审核"]);

        Assert.Contains($"候选人 {candidates} 人，通过 {candidates} 人", closed);
        Assert.Contains("3/2/1/0", closed);
        Assert.Contains("无记名投票：2026年12月28日开启，评委会 3 人，已有 3 人投票，已结束", await CliRun.Ok(["review", "show", "--store", store, "--batch", Batch]));
        Assert.NotEqual(0, (await CliRun.Of(["review", "ballot", "close", "--store", store, "--batch", Batch])).ExitCode);
        Assert.Contains("2026年12月31日至2027年1月7日", await CliRun.Ok(["review", "publicize", "--store", store, "--batch", Batch, "--config", Config]));
        Assert.Contains("校验通过", await CliRun.Ok(["review", "verify", "--store", store]));
    }

    private static SqliteReviewStore Open(string store) =>
        new(store, TimeProvider.System, () => AuditKeys.Load(TestAuditKey.File), mustExist: true);
}
