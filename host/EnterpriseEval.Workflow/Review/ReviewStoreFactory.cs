using EnterpriseEval.Engine.Notices;
using EnterpriseEval.Workflow.Review.Store;
using Microsoft.Extensions.Options;
using EnterpriseEval.Engine;

namespace EnterpriseEval.Workflow.Review;

/// <summary>
/// Opens the review store a command names (<c>--store</c>) or the configured one (<c>EnterpriseEval:Store</c>,
/// docs/store.md) — a SQLite file or a PostgreSQL database — with the audit key. Every CLI command and
/// <c>eeval serve</c> open stores here.
/// </summary>
internal sealed class ReviewStoreFactory(IOptions<ReviewOptions> options, IOptions<StoreOptions> store, AuditKeys keys, TimeProvider time)
{
    /// <summary>The store a command works on: <paramref name="named"/> (<c>--store</c>) or the configured one.</summary>
    public StoreLocation LocationOf(string? named)
    {
        if (!string.IsNullOrWhiteSpace(named))
        {
            return StoreLocation.Parse(named);
        }

        var configured = store.Value;
        switch (configured.Provider.Trim().ToLowerInvariant())
        {
            case "" or StoreLocation.Sqlite:
                return StoreLocation.Parse(string.IsNullOrWhiteSpace(configured.ConnectionString) ? options.Value.Store : configured.ConnectionString);
            case StoreLocation.Postgres or "postgresql":
                return string.IsNullOrWhiteSpace(configured.ConnectionString)
                    ? throw new UserFacingException($"配置项 {StoreOptions.SectionName}:Provider 为 postgres，但未配置 {StoreOptions.SectionName}:ConnectionString（见 docs/store.md）")
                    : StoreLocation.OfPostgres(configured.ConnectionString);
            default:
                throw new UserFacingException($"配置项 {StoreOptions.SectionName}:Provider 只能是 sqlite 或 postgres，收到：{configured.Provider}");
        }
    }

    /// <summary>
    /// Opens a store that must already exist: every review command but <c>review new</c>. A missing file (or a database
    /// without the store's tables) is refused, naming it, rather than created empty (an empty store would "pass"
    /// <c>review verify</c>); the audit key is looked up when a step signs.
    /// </summary>
    /// <exception cref="UserFacingException">No store there.</exception>
    public ReviewStore Open(string? named) => Open(LocationOf(named), keys.Get, mustExist: true);

    /// <summary>The accounts of <c>eeval serve</c> in the store named, which must exist.</summary>
    public ReviewStore OpenAccounts(string? named) => Open(named);

    /// <summary>Opens a store that must already exist (<c>review verify</c>, <c>review rekey</c>): never creates an empty one.</summary>
    public IReviewStore OpenExisting(string? named) => Open(named);

    /// <summary>
    /// Opens the store for <c>review new</c>, creating it when missing and the default key file first on a fresh install.
    /// </summary>
    /// <returns>The store, and the key file created (null when a key existed).</returns>
    public (ReviewStore Store, string? CreatedKey) OpenForNew(string? named)
    {
        var location = LocationOf(named);
        var (key, created) = keys.GetOrCreate();
        return (Open(location, () => key, mustExist: false), created);
    }

    /// <summary>Opens the store at a location (<c>store copy</c>): created when missing unless <paramref name="mustExist"/>.</summary>
    public ReviewStore Open(StoreLocation location, Func<AuditKey>? key, bool mustExist) =>
        location.Provider == StoreLocation.Postgres
            ? new PostgresReviewStore(location.Target, time, key ?? keys.Get, options.Value.BusyTimeoutSeconds, mustExist)
            : new SqliteReviewStore(location.Target, time, key ?? keys.Get, options.Value.BusyTimeoutSeconds, mustExist);

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
