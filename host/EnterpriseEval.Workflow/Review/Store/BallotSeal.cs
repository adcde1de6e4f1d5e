using System.Globalization;
using System.Text;

namespace EnterpriseEval.Workflow.Review.Store;

/// <summary>
/// What closing a ballot commits to the audit chain: SHA-256 over the ballot counters (sorted by candidate and choice)
/// followed by the tally they give per candidate (present, for, against, abstain). <c>review verify</c> recomputes it
/// from the counters, so a ballot changed after the close shows.
/// </summary>
internal static class BallotSeal
{
    /// <summary>The audit fact of the closing entry that holds the seal.</summary>
    public const string Fact = "ballots_sha256";

    public static string Hash(IEnumerable<StoredBallotCount> counts)
    {
        var sorted = counts.OrderBy(c => c.Candidate, StringComparer.Ordinal).ThenBy(c => c.Choice, StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        foreach (var c in sorted)
        {
            text.Append(CultureInfo.InvariantCulture, $"ballot|{c.Candidate}|{c.Choice}|{c.Count}\n");
        }

        foreach (var candidate in sorted.GroupBy(c => c.Candidate, StringComparer.Ordinal))
        {
            int Of(string choice) => candidate.Where(c => c.Choice == choice).Sum(c => c.Count);
            text.Append(CultureInfo.InvariantCulture,
                $"tally|{candidate.Key}|{candidate.Sum(c => c.Count)}|{Of(BallotChoice.For)}|{Of(BallotChoice.Against)}|{Of(BallotChoice.Abstain)}\n");
        }

        return RowHash.Sha256(text.ToString());
    }
}
