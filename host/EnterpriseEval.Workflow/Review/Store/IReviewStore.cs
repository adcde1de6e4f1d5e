namespace EnterpriseEval.Workflow.Review.Store;

/// <summary>
/// Where review batches live. Every method that writes does so in one transaction together with its audit entry:
/// after a crash a step is either recorded with its data or not at all. SQLite is the default
/// (<see cref="SqliteReviewStore"/>); another database implements the same contract.
/// </summary>
internal interface IReviewStore : IDisposable
{
    ReviewBatch? FindBatch(string name);

    /// <summary>Every batch, oldest first (<c>eeval serve</c> lists them).</summary>
    IReadOnlyList<ReviewBatch> Batches();

    ReviewBatch CreateBatch(BatchDefinition definition, AuditDraft audit);

    /// <summary>Stores the raw roster tables of a batch (streamed); call under <see cref="Lock"/> after checking none is stored.</summary>
    void SaveRoster(long batchId, IEnumerable<StoredTable> tables, AuditDraft audit);

    /// <summary>The stored roster tables of a batch, without rows; empty when none was imported.</summary>
    IReadOnlyList<StoredTable> RosterTables(long batchId);

    /// <summary>The raw rows of one stored table, streamed in row order.</summary>
    IEnumerable<StoredRow> RosterRows(long batchId, string table);

    ScreenProgress ScreenProgress(long batchId);

    /// <summary>
    /// Commits the decisions of employees [<paramref name="from"/>, <paramref name="to"/>) and moves the progress
    /// marker to <paramref name="to"/> of <paramref name="total"/>, atomically.
    /// </summary>
    void SaveScreenChunk(long batchId, int from, int to, int total, IEnumerable<StoredDecision> decisions, AuditDraft audit);

    IReadOnlyList<StoredDecision> Decisions(long batchId);

    /// <summary>One employee's decisions in a batch, in the order <see cref="Decisions(long)"/> gives them.</summary>
    IReadOnlyList<StoredDecision> Decisions(long batchId, string employeeId);

    void SaveScores(long batchId, IEnumerable<StoredScore> scores, AuditDraft audit);

    IReadOnlyList<StoredScore> Scores(long batchId);

    void SaveVotes(long batchId, IEnumerable<StoredVote> votes, DateOnly votedOn, AuditDraft audit);

    IReadOnlyList<StoredVote> Votes(long batchId);

    /// <summary>The day of the vote, or null before the vote was recorded.</summary>
    DateOnly? VotedOn(long batchId);

    void SavePublicity(long batchId, StoredPublicity publicity, AuditDraft audit);

    StoredPublicity? Publicity(long batchId);

    /// <summary>Records an objection (its <see cref="StoredObjection.Id"/> is ignored) and returns the id it was given.</summary>
    long AddObjection(long batchId, StoredObjection objection, AuditDraft audit);

    /// <summary>The objections of a batch in the order they were lodged, each with its resolution if any.</summary>
    IReadOnlyList<StoredObjection> Objections(long batchId);

    /// <summary>Records HR's resolution of an objection; a second one for the same objection is refused (UNIQUE).</summary>
    void ResolveObjection(long batchId, long objectionId, StoredResolution resolution, AuditDraft audit);

    /// <summary>
    /// Opens the batch's secret ballot: the round, its members and a zero counter for every candidate and choice, with the
    /// audit entry (docs/service.md, "Secret ballot").
    /// </summary>
    void OpenBallot(long batchId, StoredBallotRound round, IEnumerable<StoredBallotMember> members, IEnumerable<string> candidates, AuditDraft audit);

    StoredBallotRound? BallotRound(long batchId);

    IReadOnlyList<StoredBallotMember> BallotMembers(long batchId);

    /// <summary>
    /// One member's ballot on one candidate: records that <paramref name="member"/> voted on <paramref name="candidate"/>
    /// (with the audit entry) and adds one to the counter of <paramref name="choice"/> — nothing that links the two.
    /// A second ballot of the same member on the same candidate is refused (UNIQUE) and writes nothing.
    /// </summary>
    void CastBallot(long batchId, string member, string candidate, string choice, AuditDraft audit);

    /// <summary>Whether <paramref name="member"/> has cast their ballot on <paramref name="candidate"/> (never how).</summary>
    bool HasVoted(long batchId, string member, string candidate);

    /// <summary>Who has voted on which candidate (never how).</summary>
    IReadOnlyList<StoredBallotVoter> BallotVoters(long batchId);

    /// <summary>The ballot counters of a batch: per candidate and choice, how many ballots.</summary>
    IReadOnlyList<StoredBallotCount> BallotCounts(long batchId);

    /// <summary>
    /// Rewrites the store file from its content (SQLite: VACUUM), so that nothing of the order in which its pages and
    /// cells were written, nor freed space, remains in the file — after a secret ballot is closed. Outside any lock.
    /// </summary>
    void Rewrite();

    void SaveNotices(long batchId, IEnumerable<StoredNotice> notices, AuditDraft audit);

    IReadOnlyList<StoredNotice> Notices(long batchId);

    /// <summary>Records a step that stores no data of its own (e.g. a replay).</summary>
    void Append(long? batchId, AuditDraft audit);

    /// <summary>Whether the batch has an audit entry of that step (a step done).</summary>
    bool HasStep(long batchId, string step);

    /// <summary>The audit entries of a batch (or of the whole store), oldest first.</summary>
    IReadOnlyList<AuditEntry> Audit(long? batchId);

    /// <summary>Records a step that changes only the signature of the chain head (<c>review rekey</c>).</summary>
    void Resign(AuditDraft audit);

    /// <summary>
    /// Checks the audit chain, its signed head, every stored row against it and every issued file against its
    /// recorded hash; each problem is one Chinese line naming the entry, row or file. Empty: nothing was altered.
    /// </summary>
    /// <param name="key">The key to check the head's signature with (default: the store's key).</param>
    /// <param name="requireHead">False only to adopt a store of an older version that has no signed head yet.</param>
    /// <param name="files">False to skip re-hashing issued files (another batch's files may be archived elsewhere).</param>
    IReadOnlyList<string> Verify(Func<AuditKey>? key = null, bool requireHead = true, bool files = true);

    /// <summary>The signed head of the audit chain; null when no step was signed yet.</summary>
    AuditHead? Head();

    /// <summary>
    /// Takes the store's write lock until committed or disposed: what a command checks and what it then writes see one
    /// state. A second command waits for the lock (bounded), then sees what the first one did.
    /// </summary>
    IStoreLock Lock();
}
