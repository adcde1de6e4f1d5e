using System.Data.Common;
using System.Globalization;

namespace EnterpriseEval.Workflow.Review.Store;

/// <summary>
/// The background jobs of <c>eeval serve</c> (migration 5, <see cref="IJobStore"/>). Every change of a job's state is
/// one conditional UPDATE whose WHERE names the state (and owner, and beats) it expects and whose affected-row count
/// says whether it happened: SQLite runs writers one at a time, and PostgreSQL re-checks the WHERE of an UPDATE that
/// waited for another one's row lock, so of two instances changing the same job at once exactly one does.
/// </summary>
internal abstract partial class ReviewStore : IJobStore
{
    private const string JobColumns =
        "id, kind, state, roster, as_of, options, created_by, created_at, attempts, owner_instance, heartbeat_at, beats, started_at, ended_at, "
        + "cancel_requested, stage, done, total, message, error, result, result_digest";

    public void CreateJob(StoredJob job, AuditDraft audit) =>
        Step(null, audit, (tx, _) =>
        {
            using var insert = Command(
                """
                INSERT INTO jobs (id, kind, state, roster, as_of, options, created_by, created_at, attempts, owner_instance, heartbeat_at, beats,
                                  started_at, ended_at, cancel_requested, stage, done, total, message, error, result, result_digest)
                VALUES (@a, @b, 'queued', @c, @d, @e, @f, @g, 0, NULL, NULL, 0, NULL, NULL, 0, @h, 0, 0, NULL, NULL, NULL, NULL)
                """,
                tx, job.Id, job.Kind, job.Roster, job.AsOf, job.Options, job.CreatedBy, Stamp(job.CreatedAt), job.Stage);
            insert.ExecuteNonQuery();
            return [];
        });

    public StoredJob? FindJob(string id) => Query($"SELECT {JobColumns} FROM jobs WHERE id = @a", ReadJob, id).FirstOrDefault();

    public IReadOnlyList<StoredJob> Jobs(string kind) =>
        Query($"SELECT {JobColumns} FROM jobs WHERE kind = @a ORDER BY created_at, id", ReadJob, kind);

    public StoredJob? ClaimJob(string kind, string owner, DateTimeOffset at)
    {
        // A few candidates at a time: one another instance claims first is simply skipped.
        var queued = Query("SELECT id FROM jobs WHERE kind = @a AND state = 'queued' ORDER BY created_at, id LIMIT 8", r => r.GetString(0), kind);
        foreach (var id in queued)
        {
            var claimed = Change(
                """
                UPDATE jobs SET state = 'running', owner_instance = @a, attempts = attempts + 1, beats = 0, heartbeat_at = @b,
                                started_at = @b, stage = '开始', done = 0, total = 0
                WHERE id = @c AND state = 'queued'
                """,
                owner, Stamp(at), id);
            if (claimed)
            {
                return FindJob(id);
            }
        }

        return null;
    }

    public JobBeat HeartbeatJob(string id, string owner, DateTimeOffset at, string stage, int done, int total)
    {
        var requested = ChangeReturning(
            """
            UPDATE jobs SET beats = beats + 1, heartbeat_at = @a, stage = @b, done = @c, total = @d
            WHERE id = @e AND owner_instance = @f AND state = 'running'
            RETURNING cancel_requested
            """,
            Stamp(at), stage, done, total, id, owner);
        return requested is null ? new JobBeat(false, false) : new JobBeat(true, Convert.ToInt64(requested, CultureInfo.InvariantCulture) != 0);
    }

    public bool FinishJob(string id, string owner, StoredJobEnd end) =>
        Change(
            """
            UPDATE jobs SET state = @a, stage = @b, ended_at = @c, done = @d, total = @e, message = COALESCE(@f, message), error = @g, result = @h, result_digest = @i
            WHERE id = @j AND owner_instance = @k AND state = 'running'
            """,
            end.State, end.Stage, Stamp(end.At), end.Done, end.Total, end.Message, end.Error, end.Result, end.ResultDigest, id, owner);

    public bool TakeOverJob(string id, string owner, long beats, StoredJobEnd? end, string message, DateTimeOffset at) =>
        end is null
            ? Change(
                """
                UPDATE jobs SET state = 'queued', owner_instance = NULL, stage = '排队', done = 0, total = 0, message = @a
                WHERE id = @b AND state = 'running' AND owner_instance = @c AND beats = @d
                """,
                message, id, owner, beats)
            : Change(
                """
                UPDATE jobs SET state = @a, stage = @b, ended_at = @c, message = @d, error = @e
                WHERE id = @f AND state = 'running' AND owner_instance = @g AND beats = @h
                """,
                end.State, end.Stage, Stamp(end.At), message, end.Error, id, owner, beats);

    public bool ReleaseJob(string id, string owner, string message) =>
        Change(
            """
            UPDATE jobs SET state = 'queued', owner_instance = NULL, attempts = attempts - 1, stage = '排队', done = 0, total = 0, message = @a
            WHERE id = @b AND owner_instance = @c AND state = 'running'
            """,
            message, id, owner);

    public JobCancel RequestCancel(string id, DateTimeOffset at, AuditDraft audit)
    {
        using var lease = Lock();
        if (FindJob(id) is null)
        {
            return JobCancel.Missing;
        }

        JobCancel result;
        if (Change("UPDATE jobs SET state = 'cancelled', stage = '已取消', ended_at = @a, cancel_requested = 1 WHERE id = @b AND state = 'queued'", Stamp(at), id))
        {
            result = JobCancel.Cancelled;
        }
        else if (Change("UPDATE jobs SET cancel_requested = 1 WHERE id = @a AND state = 'running'", id))
        {
            result = JobCancel.Requested;
        }
        else
        {
            return JobCancel.Ended;
        }

        Append(null, audit);
        lease.Commit();
        return result;
    }

    /// <summary>
    /// Runs one UPDATE … RETURNING and answers the value it returned (null when it changed no row), in a short write
    /// transaction of its own (or the current one).
    /// </summary>
    private object? ChangeReturning(string sql, params object?[] args) =>
        Short(tx =>
        {
            using var command = Command(sql, tx, args);
            return Busy(() => command.ExecuteScalar()) is { } value and not DBNull ? value : null;
        });

    /// <summary>Runs one conditional UPDATE (in the current transaction, if any); true when it changed a row.</summary>
    private bool Change(string sql, params object?[] args) =>
        Short(tx =>
        {
            using var command = Command(sql, tx, args);
            return Busy(() => command.ExecuteNonQuery()) == 1;
        });

    /// <summary>
    /// A statement in a transaction of its own (the current one when a lock is held), never in autocommit: a SQLite
    /// transaction begins IMMEDIATE, so the statement never has to turn a read lock into a write lock while another
    /// connection waits to commit (SQLite answers that "busy" at once, without waiting), and SQLite commits an
    /// UPDATE … RETURNING in autocommit only when its reader is reset, where a busy answer is not waited for either.
    /// On PostgreSQL a plain transaction: no advisory lock, so job bookkeeping never waits for a review step.
    /// </summary>
    private T Short<T>(Func<DbTransaction?, T> run)
    {
        if (Current is not null)
        {
            return run(null);
        }

        using var tx = Busy(() => Connection.BeginTransaction());
        var result = run(tx);
        Busy(tx.Commit);
        return result;
    }

    private static DateTimeOffset? Stamp(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : ParseStamp(r.GetString(ordinal));

    private static string? Text(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    private static StoredJob ReadJob(DbDataReader r) =>
        new(
            r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), DateOnly.Parse(r.GetString(4), CultureInfo.InvariantCulture),
            r.GetString(5), r.GetString(6), ParseStamp(r.GetString(7)), Int(r, 8), Text(r, 9), Stamp(r, 10), r.GetInt64(11), Stamp(r, 12),
            Stamp(r, 13), r.GetInt64(14) != 0, r.GetString(15), Int(r, 16), Int(r, 17), Text(r, 18), Text(r, 19), Text(r, 20), Text(r, 21));
}
