using EnterpriseEval.Runtime.Review.Store;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Runtime.Review;

/// <summary>Opens the review store a command names (<c>--store</c>) or the configured one.</summary>
internal sealed class ReviewStoreFactory(IOptions<ReviewOptions> options, TimeProvider time)
{
    /// <summary>Opens the store, creating it when it does not exist: for <c>review new</c> only.</summary>
    public IReviewStore OpenOrCreate(string? path) => new SqliteReviewStore(PathOf(path), time);

    /// <summary>
    /// Opens a store that must already exist: every review command but <c>review new</c>. A missing file is refused,
    /// naming the path, rather than created empty (an empty store would "pass" <c>review verify</c>).
    /// </summary>
    /// <exception cref="UserFacingException">No store at the path.</exception>
    public IReviewStore Open(string? path)
    {
        var file = PathOf(path);
        if (!File.Exists(file))
        {
            throw new UserFacingException(
                $"评审数据库不存在：{Path.GetFullPath(file)}。请检查 --store 路径；新建批次请先运行 eeval review new");
        }

        return new SqliteReviewStore(file, time);
    }

    private string PathOf(string? path) => string.IsNullOrWhiteSpace(path) ? options.Value.Store : path;

    /// <summary>The batch of that name, or a one-line refusal.</summary>
    public static ReviewBatch Batch(IReviewStore store, string name) =>
        store.FindBatch(name) ?? throw new UserFacingException($"评审数据库中没有名为“{name}”的批次，请先运行 eeval review new");
}
