namespace EnterpriseEval.Host.Tests.Support;

/// <summary>The review walkthrough of samples/review/README.md: its batch, roster, plug-in, configuration and votes.</summary>
internal static class ReviewSample
{
    public const string Batch = "2026-工程";
    public static readonly string Roster = RepoPaths.Sample("rosters/ganpower");
    public static readonly string Plugin = Path.Combine(RepoPaths.Root, "artifacts", "plugins", "ganpower-supply");
    public static readonly string Config = RepoPaths.Sample("review/review.json");
    public static readonly string Votes = RepoPaths.Sample("review/votes.csv");

    /// <summary><c>review new</c> of the walkthrough's batch on <paramref name="store"/>.</summary>
    public static string[] New(string store) =>
    [
        "review", "new", "--store", store, "--batch", Batch, "--year", "2026", "--series", "engineering",
        "--levels", "assistant,intermediate", "--plugins", Plugin, "--config", Config, "--user", "王审核",
    ];
}
