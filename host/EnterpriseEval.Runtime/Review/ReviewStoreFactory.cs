using EnterpriseEval.Runtime.Review.Store;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Runtime.Review;

/// <summary>Opens the review store a command names (<c>--store</c>) or the configured one.</summary>
internal sealed class ReviewStoreFactory(IOptions<ReviewOptions> options, TimeProvider time)
{
    public IReviewStore Open(string? path) => new SqliteReviewStore(string.IsNullOrWhiteSpace(path) ? options.Value.Store : path, time);

    /// <summary>The batch of that name, or a one-line refusal.</summary>
    public static ReviewBatch Batch(IReviewStore store, string name) =>
        store.FindBatch(name) ?? throw new UserFacingException($"评审数据库中没有名为“{name}”的批次，请先运行 eeval review new");
}
