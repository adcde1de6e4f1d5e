namespace EnterpriseEval.Workflow.Review.Store;

/// <summary>
/// Where the review store lives (configuration section <c>EnterpriseEval:Store</c>, docs/store.md). A command's
/// <c>--store</c> overrides it.
/// </summary>
internal sealed class StoreOptions
{
    public const string SectionName = "EnterpriseEval:Store";

    /// <summary><c>sqlite</c> (default: one file, <c>EnterpriseEval:Review:Store</c>) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = StoreLocation.Sqlite;

    /// <summary>
    /// For <c>postgres</c>, the Npgsql connection string or a <c>postgresql://</c> address (best given as the environment
    /// variable <c>EEVAL_EnterpriseEval__Store__ConnectionString</c>, it may hold a password); for <c>sqlite</c>, the file
    /// (optional: <c>EnterpriseEval:Review:Store</c> is used when empty).
    /// </summary>
    public string? ConnectionString { get; set; }
}
