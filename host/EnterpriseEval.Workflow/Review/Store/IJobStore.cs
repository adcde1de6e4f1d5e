namespace EnterpriseEval.Workflow.Review.Store;

/// <summary>
/// Background jobs of <c>eeval serve</c> (migration 5, docs/service.md "Several instances"), shared by every instance
/// on the same store: a job is created <c>queued</c>, claimed by exactly one instance (a conditional UPDATE: of two
/// instances claiming at once, one changes the row and the other changes nothing), kept alive by its owner's heartbeats,
/// and ended by its owner — or taken over by another instance when its owner's heartbeats stop. Job state is operational
/// bookkeeping, not part of the audit record (no audit id, no content hash, like the accounts' sign-in counters): its
/// start and its cancellation are audit entries, written in the same transaction.
/// </summary>
internal interface IJobStore
{
    /// <summary>Adds a queued job with the audit entry of its start, in one transaction.</summary>
    void CreateJob(StoredJob job, AuditDraft audit);

    StoredJob? FindJob(string id);

    /// <summary>Every job of a kind, oldest first.</summary>
    IReadOnlyList<StoredJob> Jobs(string kind);

    /// <summary>
    /// Claims the oldest queued job of a kind for <paramref name="owner"/>: queued → running, atomically across
    /// connections and processes (a job another instance claimed first is skipped). Null when none is queued.
    /// </summary>
    StoredJob? ClaimJob(string kind, string owner, DateTimeOffset at);

    /// <summary>
    /// The owner's heartbeat: counts one more beat and records the progress, only while the job is running under
    /// <paramref name="owner"/>. Tells whether the owner still holds the job and whether a cancel was requested.
    /// </summary>
    JobBeat HeartbeatJob(string id, string owner, DateTimeOffset at, string stage, int done, int total);

    /// <summary>Ends a job the owner still holds (succeeded, failed or cancelled); false when it no longer holds it.</summary>
    bool FinishJob(string id, string owner, StoredJobEnd end);

    /// <summary>
    /// Takes over a running job whose owner stopped beating: only when it is still running under
    /// <paramref name="owner"/> with exactly <paramref name="beats"/> beats (what the caller saw), so of two instances
    /// taking over at once one does. <paramref name="end"/> null re-queues it for any live instance; otherwise ends it.
    /// </summary>
    bool TakeOverJob(string id, string owner, long beats, StoredJobEnd? end, string message, DateTimeOffset at);

    /// <summary>Gives a running job back to the queue (its owner is stopping): not counted as an attempt.</summary>
    bool ReleaseJob(string id, string owner, string message);

    /// <summary>
    /// Cancels a queued job at once, or asks the owner of a running one to stop (it sees the request at its next
    /// heartbeat), with the audit entry in the same transaction; nothing is written when the job had ended.
    /// </summary>
    JobCancel RequestCancel(string id, DateTimeOffset at, AuditDraft audit);
}

/// <summary>The states of a job as stored.</summary>
internal static class JobStates
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static bool IsEnded(string state) => state is Succeeded or Failed or Cancelled;
}

/// <summary>A background job as the store keeps it.</summary>
/// <param name="Kind">What the job does: <c>screening</c>.</param>
/// <param name="State">One of <see cref="JobStates"/>.</param>
/// <param name="Roster">The uploaded roster it works on.</param>
/// <param name="Options">The job's own options (JSON).</param>
/// <param name="Attempts">How many times an instance has claimed it (a release on shutdown does not count).</param>
/// <param name="Owner">The instance running it (host, process, random), while running.</param>
/// <param name="HeartbeatAt">The owner's last heartbeat (its own clock; for people, not for take-over decisions).</param>
/// <param name="Beats">Heartbeats of the current attempt: another instance judges liveness by whether this moves.</param>
/// <param name="Message">What happened to it, for people (e.g. taken over after an instance stopped).</param>
/// <param name="Error">The problem it ended with (JSON), when failed.</param>
/// <param name="Result">The result counts (JSON), when succeeded.</param>
/// <param name="ResultDigest">A digest of the decisions, so an instance rebuilding the results can prove they are the same.</param>
internal sealed record StoredJob(
    string Id, string Kind, string State, string Roster, DateOnly AsOf, string Options, string CreatedBy, DateTimeOffset CreatedAt,
    int Attempts, string? Owner, DateTimeOffset? HeartbeatAt, long Beats, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt,
    bool CancelRequested, string Stage, int Done, int Total, string? Message, string? Error, string? Result, string? ResultDigest)
{
    public bool IsEnded => JobStates.IsEnded(State);
}

/// <summary>How a job ended: its state, the stage shown, progress and what it produced or why it failed.</summary>
internal sealed record StoredJobEnd(
    string State, string Stage, DateTimeOffset At, int Done = 0, int Total = 0, string? Message = null, string? Error = null, string? Result = null,
    string? ResultDigest = null);

/// <summary>What a heartbeat found: whether the owner still holds the job, and whether someone asked it to stop.</summary>
internal readonly record struct JobBeat(bool Held, bool CancelRequested);

/// <summary>What a cancel request did.</summary>
internal enum JobCancel
{
    /// <summary>No such job.</summary>
    Missing,

    /// <summary>It had already ended: nothing written.</summary>
    Ended,

    /// <summary>It was queued and is now cancelled.</summary>
    Cancelled,

    /// <summary>It is running: its owner stops it at its next heartbeat.</summary>
    Requested,
}
