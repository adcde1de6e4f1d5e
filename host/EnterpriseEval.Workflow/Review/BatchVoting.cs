using EnterpriseEval.Engine;
using EnterpriseEval.Engine.Notices;
using EnterpriseEval.Workflow.Review.Store;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Workflow.Review;

/// <summary><c>review vote</c>: imports the committee's votes and applies the pass rule.</summary>
internal sealed class BatchVoting(IOptions<ReviewOptions> options)
{
    public VoteImportResult Run(IReviewStore store, ReviewBatch batch, string file, DateOnly votedOn, string user)
    {
        BatchSteps.RequireDone(store, batch, "score", "score");
        BatchSteps.RequireNotDone(store, batch, "vote", "记录评委会表决");
        RequireNoBallot(store, batch);
        var rule = VoteRule.From(options.Value);
        var candidates = new BatchScope(batch.Definition).Candidates(store.Decisions(batch.Id));
        var result = VoteImport.Read(file, candidates, rule);
        var fileHash = Store.RowHash.Hex(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)));
        // Checked again under the write lock: of two `review vote` at once, the second refuses.
        using var lease = store.Lock();
        BatchSteps.RequireNotDone(store, batch, "vote", "记录评委会表决");
        RequireNoBallot(store, batch);
        store.SaveVotes(batch.Id, result.Votes, votedOn, new AuditDraft(
            "vote",
            user,
            $"评委会表决：导入 {result.Votes.Count} 条，通过 {result.Votes.Count(v => v.Passed)} 条，拒收 {result.Rejects.Count} 行",
            new Dictionary<string, string>
            {
                ["voted_on"] = votedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["file"] = Path.GetFullPath(file),
                ["file_sha256"] = fileHash,
                ["rule"] = $"quorum {rule.Quorum}, pass {rule.Pass}",
                ["rejects"] = $"{result.Rejects.Count}",
            }));
        lease.Commit();
        return result;
    }

    private static void RequireNoBallot(IReviewStore store, ReviewBatch batch)
    {
        if (BatchSteps.Done(store, batch, BatchBallot.OpenStep))
        {
            throw new UserFacingException($"批次“{batch.Name}”已开启无记名投票：表决结果在投票结束时由选票统计，不能再导入表决文件");
        }
    }
}
