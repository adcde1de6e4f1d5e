using EnterpriseEval.Engine.Notices;
using EnterpriseEval.Workflow.Review.Store;
using Microsoft.Extensions.Options;
using EnterpriseEval.Engine;

namespace EnterpriseEval.Workflow.Review;

/// <summary>Opens the review store a command names (<c>--store</c>) or the configured one, with the audit key.</summary>
internal sealed class ReviewStoreFactory(IOptions<ReviewOptions> options, AuditKeys keys, TimeProvider time)
{
    /// <summary>The store file a command works on.</summary>
    public string PathOf(string? path) => Path.GetFullPath(string.IsNullOrWhiteSpace(path) ? options.Value.Store : path);

    /// <summary>
    /// Opens a store that must already exist: every review command but <c>review new</c>. A missing file is refused,
    /// naming the path, rather than created empty (an empty store would "pass" <c>review verify</c>); the audit key is
    /// looked up when a step signs.
    /// </summary>
    /// <exception cref="UserFacingException">No store at the path.</exception>
    public IReviewStore Open(string? path) =>
        new SqliteReviewStore(PathOf(path), time, keys.Get, options.Value.BusyTimeoutSeconds, mustExist: true);

    /// <summary>The accounts of <c>eeval serve</c> in the store at <paramref name="path"/>, which must exist.</summary>
    public SqliteReviewStore OpenAccounts(string? path) =>
        new(PathOf(path), time, keys.Get, options.Value.BusyTimeoutSeconds, mustExist: true);

    /// <summary>Opens a store that must already exist (<c>review verify</c>, <c>review rekey</c>): never creates an empty one.</summary>
    public IReviewStore OpenExisting(string? path) => Open(path);

    /// <summary>
    /// Opens the store for <c>review new</c>, creating it when missing and the default key file first on a fresh install.
    /// </summary>
    /// <returns>The store, and the key file created (null when a key existed).</returns>
    public (IReviewStore Store, string? CreatedKey) OpenForNew(string? path)
    {
        var (key, created) = keys.GetOrCreate();
        return (new SqliteReviewStore(PathOf(path), time, () => key, options.Value.BusyTimeoutSeconds), created);
    }

    /// <summary>
    /// The batch of that name for a step, or a one-line refusal: also when a plug-in file or the authorisation file it
    /// recorded at <c>review new</c> changed since (<see cref="BatchIntegrity"/>), naming the file.
    /// </summary>
    public static ReviewBatch Batch(IReviewStore store, string name)
    {
        var batch = Find(store, name);
        BatchIntegrity.Require(store, batch);
        return batch;
    }

    /// <summary>The batch of that name, or a one-line refusal, without re-checking its files (<c>review show</c>).</summary>
    public static ReviewBatch Find(IReviewStore store, string name) =>
        store.FindBatch(name) ?? throw new UserFacingException($"评审数据库中没有名为“{name}”的批次，请先运行 eeval review new");
}
