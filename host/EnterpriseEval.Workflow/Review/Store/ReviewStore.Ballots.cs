using System.Globalization;

namespace EnterpriseEval.Workflow.Review.Store;

/// <summary>
/// The committee's secret ballot (migration 4, docs/service.md "Secret ballot"). A cast writes two unrelated things in
/// one transaction: a row of <c>ballot_voters</c> (member and candidate, under the cast's audit entry, which names the
/// member and never the choice) and an increment of one counter of <c>ballot_counts</c>, which has no voter, no time and
/// no row of its own per cast. All counters exist from the opening, at zero, so not even the first ballot of a choice
/// adds a row.
/// </summary>
internal abstract partial class ReviewStore
{
    /// <summary>Rewrites the storage of the ballot counters so no trace of the order of casts remains (see <see cref="Rewrite"/>).</summary>
    protected abstract void RewriteStorage();

    public void OpenBallot(long batchId, StoredBallotRound round, IEnumerable<StoredBallotMember> members, IEnumerable<string> candidates, AuditDraft audit) =>
        Step(batchId, audit, (tx, seq) =>
        {
            var rounds = Writer(tx, "ballot_rounds", seq, batchId, "opened_on", "committee");
            rounds.Write(round.OpenedOn, round.Committee);
            var memberRows = Writer(tx, "ballot_members", seq, batchId, "user_name", "display_name");
            foreach (var m in members)
            {
                memberRows.Write(m.UserName, m.DisplayName);
            }

            using var counter = Command("INSERT INTO ballot_counts (batch_id, candidate, choice, count) VALUES (@a, @b, @c, 0)", tx, batchId, "", "");
            foreach (var candidate in candidates)
            {
                foreach (var choice in BallotChoice.All)
                {
                    counter.Parameters[1].Value = candidate;
                    counter.Parameters[2].Value = choice;
                    counter.ExecuteNonQuery();
                }
            }

            return [rounds, memberRows];
        });

    public StoredBallotRound? BallotRound(long batchId) =>
        Query(
            "SELECT opened_on, committee FROM ballot_rounds WHERE batch_id = @a",
            r => new StoredBallotRound(DateOnly.Parse(r.GetString(0), CultureInfo.InvariantCulture), Int(r, 1)),
            batchId).FirstOrDefault();

    public IReadOnlyList<StoredBallotMember> BallotMembers(long batchId) =>
        Query("SELECT user_name, display_name FROM ballot_members WHERE batch_id = @a ORDER BY id", r => new StoredBallotMember(r.GetString(0), r.GetString(1)), batchId);

    public void CastBallot(long batchId, string member, string candidate, string choice, AuditDraft audit) =>
        Step(batchId, audit, (tx, seq) =>
        {
            var voters = Writer(tx, "ballot_voters", seq, batchId, "user_name", "candidate");
            voters.Write(member, candidate);
            using var count = Command(
                "UPDATE ballot_counts SET count = count + 1 WHERE batch_id = @a AND candidate = @b AND choice = @c", tx, batchId, candidate, choice);
            if (count.ExecuteNonQuery() != 1)
            {
                voters.Dispose();
                throw new InvalidOperationException("No ballot counter for this candidate and choice; the caller checks both first.");
            }

            return [voters];
        });

    public bool HasVoted(long batchId, string member, string candidate) =>
        Query(
            "SELECT 1 FROM ballot_voters WHERE batch_id = @a AND user_name = @b AND candidate = @c", _ => true, batchId, member, candidate).Count > 0;

    public IReadOnlyList<StoredBallotVoter> BallotVoters(long batchId) =>
        Query("SELECT user_name, candidate FROM ballot_voters WHERE batch_id = @a ORDER BY id", r => new StoredBallotVoter(r.GetString(0), r.GetString(1)), batchId);

    public void Rewrite()
    {
        if (Current is not null)
        {
            throw new InvalidOperationException("The store cannot be rewritten under its write lock.");
        }

        RewriteStorage();
    }

    public IReadOnlyList<StoredBallotCount> BallotCounts(long batchId) =>
        Query(
            "SELECT candidate, choice, count FROM ballot_counts WHERE batch_id = @a",
            r => new StoredBallotCount(r.GetString(0), r.GetString(1), Int(r, 2)),
            batchId)
        .OrderBy(c => c.Candidate, StringComparer.Ordinal).ThenBy(c => c.Choice, StringComparer.Ordinal).ToList();
}
