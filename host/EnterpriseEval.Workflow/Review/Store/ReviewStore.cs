using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using EnterpriseEval.Engine;
using EnterpriseEval.Engine.Notices;

namespace EnterpriseEval.Workflow.Review.Store;

/// <summary>
/// The review store over ADO.NET, the same for every provider (docs/store.md): each step is one write transaction that
/// writes the step's rows, its audit entry and the signed chain head together, so a crash rolls the step back whole.
/// The audit chain (append, head, verify) lives here once; a provider (<see cref="SqliteReviewStore"/>,
/// <see cref="PostgresReviewStore"/>) only opens the connection, takes the write lock, knows its schema dialect and how
/// to write many rows fast. A command checks and writes under <see cref="Lock"/>, so a second command on the same store
/// — in this process or another one — waits (bounded) and then sees what the first did; UNIQUE keys (migration 2)
/// refuse a second copy of any step's rows.
/// </summary>
internal abstract partial class ReviewStore : IReviewStore, IAccountStore
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TimeProvider _time;
    private readonly Func<AuditKey> _key;
    private DbConnection? _connection;
    private DbTransaction? _current;

    /// <param name="time">The clock of the audit entries.</param>
    /// <param name="key">The audit key that signs the chain head (asked for when a step writes or verify checks).</param>
    /// <param name="busyTimeoutSeconds">How long to wait for another command writing to the same store.</param>
    protected ReviewStore(TimeProvider time, Func<AuditKey>? key, int busyTimeoutSeconds)
    {
        _time = time;
        _key = key ?? (() => throw new UserFacingException("未配置审计密钥，不能写入或校验评审数据库（见 docs/security.md）"));
        BusySeconds = Math.Max(1, busyTimeoutSeconds);
    }

    /// <summary>What a person calls this store in messages: the file, or the database server and database.</summary>
    public abstract string Location { get; }

    /// <summary>The provider: <c>sqlite</c> or <c>postgres</c>.</summary>
    public abstract string Provider { get; }

    protected int BusySeconds { get; }

    protected DbConnection Connection => _connection ?? throw new InvalidOperationException("The store is not open.");

    /// <summary>The write transaction under way (a step's or a <see cref="Lock"/>'s), if any.</summary>
    protected DbTransaction? Current => _current;

    /// <summary>The schema, as ordered migrations in this provider's dialect (<see cref="StoreMigrations"/>).</summary>
    protected abstract IReadOnlyList<(int Version, string Sql)> Migrations { get; }

    /// <summary>A query giving one row when the table <c>schema_version</c> exists.</summary>
    protected abstract string SchemaExistsSql { get; }

    public int SchemaVersion => (int)(long)Scalar("SELECT COALESCE(MAX(version), 0) FROM schema_version")!;

    public ReviewBatch? FindBatch(string name) =>
        Query(
            "SELECT id, name, year, series, levels, as_of, authorisation, plugins, plugins_directory, rule_set_version, configuration FROM batches WHERE name = @a",
            ReadBatch,
            name).FirstOrDefault();

    public IReadOnlyList<ReviewBatch> Batches() =>
        Query(
            "SELECT id, name, year, series, levels, as_of, authorisation, plugins, plugins_directory, rule_set_version, configuration FROM batches ORDER BY id",
            ReadBatch);

    public ReviewBatch CreateBatch(BatchDefinition d, AuditDraft audit)
    {
        long id = 0;
        Step(null, audit, (tx, seq) =>
        {
            var batches = Writer(
                tx, "batches", seq, null,
                "name", "year", "series", "levels", "as_of", "authorisation", "plugins", "plugins_directory", "rule_set_version", "configuration");
            batches.Write(d.Name, d.Year, d.Series, d.Levels, d.AsOf, d.Authorisation, d.Plugins, d.PluginsDirectory, d.RuleSetVersion, d.Configuration);
            id = (long)Scalar("SELECT id FROM batches WHERE name = @a", tx, d.Name)!;
            return [batches];
        }, () => id);
        return new ReviewBatch(id, d);
    }

    public void SaveRoster(long batchId, IEnumerable<StoredTable> tables, AuditDraft audit) =>
        Step(batchId, audit, (tx, seq) =>
        {
            var tableWriter = Writer(tx, "roster_tables", seq, batchId, "name", "display_name", "header");
            var rowWriter = Writer(tx, "roster_rows", seq, batchId, "table_name", "row_number", "fields");
            foreach (var table in tables)
            {
                tableWriter.Write(table.Name, table.DisplayName, JsonSerializer.Serialize(table.Header, Json));
                foreach (var row in table.Rows)
                {
                    rowWriter.Write(table.Name, row.RowNumber, JsonSerializer.Serialize(row.Fields, Json));
                }
            }

            return [tableWriter, rowWriter];
        });

    public IReadOnlyList<StoredTable> RosterTables(long batchId) =>
        Query(
            "SELECT name, display_name, header FROM roster_tables WHERE batch_id = @a ORDER BY id",
            r => new StoredTable(r.GetString(0), r.GetString(1), JsonSerializer.Deserialize<string[]>(r.GetString(2))!, []),
            batchId);

    public IEnumerable<StoredRow> RosterRows(long batchId, string table)
    {
        // Read in pages by id rather than through one open reader: the caller writes (screening chunks) while it reads,
        // and not every provider runs a statement while another one's reader is open on the connection.
        const int page = 5000;
        long after = 0;
        while (true)
        {
            var rows = Query(
                "SELECT id, row_number, fields FROM roster_rows WHERE batch_id = @a AND table_name = @b AND id > @c ORDER BY id LIMIT @d",
                r => (Id: r.GetInt64(0), Row: new StoredRow(Int(r, 1), JsonSerializer.Deserialize<string[]>(r.GetString(2))!)),
                batchId, table, after, page);
            foreach (var (_, row) in rows)
            {
                yield return row;
            }

            if (rows.Count < page)
            {
                yield break;
            }

            after = rows[^1].Id;
        }
    }

    public ScreenProgress ScreenProgress(long batchId) =>
        Query(
            "SELECT MAX(to_index), MAX(total) FROM screen_chunks WHERE batch_id = @a",
            r => r.IsDBNull(0) ? new ScreenProgress(0, null) : new ScreenProgress(Int(r, 0), Int(r, 1)),
            batchId).Single();

    public void SaveScreenChunk(long batchId, int from, int to, int total, IEnumerable<StoredDecision> decisions, AuditDraft audit) =>
        Step(batchId, audit, (tx, seq) =>
        {
            var chunks = Writer(tx, "screen_chunks", seq, batchId, "from_index", "to_index", "total");
            chunks.Write(from, to, total);
            var rows = Writer(
                tx, "decisions", seq, batchId,
                "employee_index", "employee_id", "name", "path", "target_level", "target_series", "target_occupation", "outcome",
                "earliest_eligible_on", "theory_exam_exempt", "basis_certificate_no", "rule_ids", "reasons", "findings");
            foreach (var d in decisions)
            {
                rows.Write(
                    d.EmployeeIndex, d.EmployeeId, d.Name, d.Path, d.TargetLevel, d.TargetSeries, d.TargetOccupation, d.Outcome,
                    d.EarliestEligibleOn, d.TheoryExamExempt, d.BasisCertificateNo, d.RuleIds, d.Reasons, d.FindingsJson);
            }

            return [chunks, rows];
        });

    public IReadOnlyList<StoredDecision> Decisions(long batchId) =>
        Query(
            """
            SELECT employee_index, employee_id, name, path, target_level, target_series, target_occupation, outcome,
                   earliest_eligible_on, theory_exam_exempt, basis_certificate_no, rule_ids, reasons, findings
            FROM decisions WHERE batch_id = @a ORDER BY id
            """,
            ReadDecision,
            batchId);

    public IReadOnlyList<StoredDecision> Decisions(long batchId, string employeeId) =>
        Query(
            """
            SELECT employee_index, employee_id, name, path, target_level, target_series, target_occupation, outcome,
                   earliest_eligible_on, theory_exam_exempt, basis_certificate_no, rule_ids, reasons, findings
            FROM decisions WHERE batch_id = @a AND employee_id = @b ORDER BY id
            """,
            ReadDecision,
            batchId, employeeId);

    public bool HasStep(long batchId, string step) =>
        Query("SELECT 1 FROM audit WHERE batch_id = @a AND step = @b LIMIT 1", _ => true, batchId, step).Count > 0;

    public void SaveScores(long batchId, IEnumerable<StoredScore> scores, AuditDraft audit) =>
        Step(batchId, audit, (tx, seq) =>
        {
            var rows = Writer(tx, "scores", seq, batchId, "employee_id", "name", "plugin_id", "total", "pass_mark", "passed", "lines");
            foreach (var s in scores)
            {
                rows.Write(s.EmployeeId, s.Name, s.PluginId, s.Total, s.PassMark, s.Passed, s.Lines);
            }

            return [rows];
        });

    public IReadOnlyList<StoredScore> Scores(long batchId) =>
        Query(
            "SELECT employee_id, name, plugin_id, total, pass_mark, passed, lines FROM scores WHERE batch_id = @a ORDER BY id",
            r => new StoredScore(
                r.GetString(0), r.GetString(1), r.GetString(2), decimal.Parse(r.GetString(3), CultureInfo.InvariantCulture),
                decimal.Parse(r.GetString(4), CultureInfo.InvariantCulture), r.GetInt64(5) != 0, r.GetString(6)),
            batchId);

    public void SaveVotes(long batchId, IEnumerable<StoredVote> votes, DateOnly votedOn, AuditDraft audit) =>
        Step(batchId, audit, (tx, seq) =>
        {
            var rows = Writer(
                tx, "votes", seq, batchId,
                "voted_on", "employee_id", "name", "path", "target_level", "committee", "present", "votes_for", "votes_against",
                "votes_abstain", "quorum_met", "passed", "reason");
            foreach (var v in votes)
            {
                rows.Write(
                    votedOn, v.EmployeeId, v.Name, v.Path, v.TargetLevel, v.Committee, v.Present, v.For, v.Against, v.Abstain,
                    v.QuorumMet, v.Passed, v.Reason);
            }

            return [rows];
        });

    public IReadOnlyList<StoredVote> Votes(long batchId) =>
        Query(
            """
            SELECT employee_id, name, path, target_level, committee, present, votes_for, votes_against, votes_abstain,
                   quorum_met, passed, reason
            FROM votes WHERE batch_id = @a ORDER BY id
            """,
            r => new StoredVote(
                r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Int(r, 4), Int(r, 5), Int(r, 6),
                Int(r, 7), Int(r, 8), r.GetInt64(9) != 0, r.GetInt64(10) != 0, r.GetString(11)),
            batchId);

    public DateOnly? VotedOn(long batchId)
    {
        // A vote step is recorded by its audit entry even when no row was accepted; the date is one of its facts.
        var detail = Query(
            "SELECT detail FROM audit WHERE batch_id = @a AND step = 'vote' ORDER BY seq DESC LIMIT 1", r => r.GetString(0), batchId)
            .FirstOrDefault();
        return detail is not null && AuditDetail.Facts(detail).TryGetValue("voted_on", out var on)
            ? DateOnly.Parse(on, CultureInfo.InvariantCulture)
            : null;
    }

    public void SavePublicity(long batchId, StoredPublicity p, AuditDraft audit) =>
        Step(batchId, audit, (tx, seq) =>
        {
            var rows = Writer(tx, "publicity", seq, batchId, "start_date", "end_date", "working_days", "holidays", "working_weekends");
            rows.Write(p.Start, p.End, p.WorkingDays, p.Holidays, p.WorkingWeekends);
            return [rows];
        });

    public StoredPublicity? Publicity(long batchId) =>
        Query(
            "SELECT start_date, end_date, working_days, holidays, working_weekends FROM publicity WHERE batch_id = @a ORDER BY id DESC LIMIT 1",
            r => new StoredPublicity(
                DateOnly.Parse(r.GetString(0), CultureInfo.InvariantCulture), DateOnly.Parse(r.GetString(1), CultureInfo.InvariantCulture),
                Int(r, 2), r.GetString(3), r.GetString(4)),
            batchId).FirstOrDefault();

    public long AddObjection(long batchId, StoredObjection o, AuditDraft audit)
    {
        long id = 0;
        Step(batchId, audit, (tx, seq) =>
        {
            var rows = Writer(tx, "objections", seq, batchId, "employee_id", "raised_on", "reason", "recorded_by");
            rows.Write(o.EmployeeId, o.RaisedOn, o.Reason, o.RecordedBy);
            id = (long)Scalar("SELECT id FROM objections WHERE audit_id = @a", tx, seq)!;
            return [rows];
        });
        return id;
    }

    public IReadOnlyList<StoredObjection> Objections(long batchId) =>
        Query(
            """
            SELECT o.id, o.employee_id, o.raised_on, o.reason, o.recorded_by, r.outcome, r.reason, r.resolved_on, r.resolved_by
            FROM objections o LEFT JOIN objection_resolutions r ON r.objection_id = o.id AND r.batch_id = o.batch_id
            WHERE o.batch_id = @a ORDER BY o.id
            """,
            r => new StoredObjection(
                r.GetInt64(0), r.GetString(1), DateOnly.Parse(r.GetString(2), CultureInfo.InvariantCulture), r.GetString(3), r.GetString(4),
                r.IsDBNull(5) ? null : new StoredResolution(r.GetString(5), r.GetString(6), DateOnly.Parse(r.GetString(7), CultureInfo.InvariantCulture), r.GetString(8))),
            batchId);

    public void ResolveObjection(long batchId, long objectionId, StoredResolution resolution, AuditDraft audit) =>
        Step(batchId, audit, (tx, seq) =>
        {
            var rows = Writer(
                tx, "objection_resolutions", seq, batchId, "objection_id", "outcome", "reason", "resolved_on", "resolved_by");
            rows.Write(objectionId, resolution.Outcome, resolution.Reason, resolution.ResolvedOn, resolution.ResolvedBy);
            return [rows];
        });

    public void SaveNotices(long batchId, IEnumerable<StoredNotice> notices, AuditDraft audit) =>
        Step(batchId, audit, (tx, seq) =>
        {
            var rows = Writer(tx, "notices", seq, batchId, "employee_id", "path", "target_level", "file", "sha256");
            foreach (var n in notices)
            {
                rows.Write(n.EmployeeId, n.Path, n.TargetLevel, n.File, n.Sha256);
            }

            return [rows];
        });

    public IReadOnlyList<StoredNotice> Notices(long batchId) =>
        Query(
            "SELECT employee_id, path, target_level, file, sha256 FROM notices WHERE batch_id = @a ORDER BY id",
            r => new StoredNotice(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)),
            batchId);

    public void Append(long? batchId, AuditDraft audit) => Step(batchId, audit, (_, _) => []);

    public void Resign(AuditDraft audit) => Step(null, audit, (_, _) => [], adopt: true);

    public IReadOnlyList<AuditEntry> Audit(long? batchId) =>
        Query(
            $"SELECT seq, batch_id, step, user_name, at, detail, previous_hash, hash FROM audit {(batchId is null ? "" : "WHERE batch_id = @a")} ORDER BY seq",
            r => new AuditEntry(
                r.GetInt64(0), r.IsDBNull(1) ? null : r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                r.GetString(6), r.GetString(7)),
            batchId is null ? [] : [batchId]);

    public IReadOnlyList<string> Verify(Func<AuditKey>? key = null, bool requireHead = true, bool files = true) =>
        Busy(() => new StoreVerifier(this, Audit(null), Head(), key ?? _key, requireHead, files).Problems());

    public AuditHead? Head() =>
        Query("SELECT count, hash, key_id, signature FROM audit_head WHERE id = 1", r => new AuditHead(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3)))
            .FirstOrDefault();

    public IStoreLock Lock()
    {
        if (_current is not null)
        {
            throw new InvalidOperationException("The store is already locked by this command.");
        }

        _current = Begin();
        return new StoreLock(this);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Rows of a query, for <c>review verify</c> and <c>store copy</c>: streamed, within the current transaction.</summary>
    internal IEnumerable<T> Read<T>(string sql, Func<DbDataReader, T> map, params object?[] args)
    {
        using var command = Command(sql, null, args);
        using var reader = Busy(() => command.ExecuteReader());
        while (reader.Read())
        {
            yield return map(reader);
        }
    }

    /// <summary>A command reading within the current transaction (<c>review verify</c> walks whole tables with it).</summary>
    internal DbCommand ReadCommand(string sql) => Command(sql, null);

    /// <summary>A whole number column, stored as a 64-bit integer by every provider.</summary>
    protected static int Int(DbDataReader r, int ordinal) => checked((int)r.GetInt64(ordinal));

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (_current is not null)
            {
                EndTransaction(committing: false);
            }

            _current?.Dispose();
            _current = null;
            _connection?.Dispose();
        }
    }

    /// <summary>Opens the store: called once by the provider's constructor with its open connection.</summary>
    protected void Start(DbConnection connection)
    {
        _connection = connection;
        Migrate();
    }

    /// <summary>Begins a write transaction holding the store's write lock (waits at most <see cref="BusySeconds"/>).</summary>
    protected abstract DbTransaction BeginWrite();

    /// <summary>Whether the provider's error says the write lock could not be had in time.</summary>
    protected abstract bool IsBusy(DbException e);

    /// <summary>Whether the provider's error is a UNIQUE key refusing a second copy of a row.</summary>
    protected abstract bool IsDuplicate(DbException e);

    /// <summary>The writer of one table's rows within a step's transaction (prepared INSERT, or COPY).</summary>
    protected abstract TableWriter Writer(DbTransaction tx, string table, long auditId, long? batchId, params string[] columns);

    /// <summary>Called before any statement runs, so a provider can finish a bulk write in progress on the connection.</summary>
    protected virtual void BeforeCommand()
    {
    }

    /// <summary>Called before a write transaction commits or rolls back: a bulk write still open is finished or abandoned.</summary>
    protected virtual void EndTransaction(bool committing)
    {
    }

    /// <summary>
    /// Writes one step: its rows and its audit entry, with the signed head moved on, in one write transaction
    /// (or in the caller's <see cref="Lock"/>, which then commits).
    /// </summary>
    private void Step(long? batchId, AuditDraft audit, Func<DbTransaction, long, TableWriter[]> write, Func<long>? batchOf = null, bool adopt = false)
    {
        var own = _current is null;
        var tx = _current ??= Begin();
        TableWriter[] writers = [];
        try
        {
            var seq = NextSeq(tx);
            writers = write(tx, seq);
            AppendAudit(tx, seq, batchOf?.Invoke() ?? batchId, audit, writers, adopt);
            if (own)
            {
                EndTransaction(committing: true);
                Busy(tx.Commit);
            }
        }
        catch (DbException e) when (IsDuplicate(e))
        {
            throw new UserFacingException($"评审数据库拒绝重复记录：{audit.Step} 的数据已经存在（可能有另一个命令同时处理本批次），本次未写入任何内容", e);
        }
        finally
        {
            foreach (var w in writers)
            {
                w.Dispose();
            }

            if (own)
            {
                EndTransaction(committing: false);
                tx.Dispose();
                _current = null;
            }
        }
    }

    private DbTransaction Begin() => Busy(BeginWrite);

    /// <summary>Runs a statement, turning "store is locked" after the bounded wait into a Chinese refusal.</summary>
    private T Busy<T>(Func<T> run)
    {
        try
        {
            return run();
        }
        catch (DbException e) when (IsBusy(e))
        {
            throw new UserFacingException(
                $"评审数据库正被另一个 eeval 命令或服务实例写入，等待 {BusySeconds} 秒后仍未释放，本命令未做任何改动：{Location}"
                + $"（请待其完成后重试；等待时间见配置项 {ReviewOptions.SectionName}:BusyTimeoutSeconds）", e);
        }
    }

    private void Busy(Action run) => Busy(() =>
    {
        run();
        return 0;
    });

    private long NextSeq(DbTransaction tx) => (long)Scalar("SELECT COALESCE(MAX(seq), 0) + 1 FROM audit", tx)!;

    private void AppendAudit(DbTransaction tx, long seq, long? batchId, AuditDraft audit, IEnumerable<TableWriter> writers, bool adopt)
    {
        var key = _key();
        var previous = (string?)Scalar("SELECT hash FROM audit WHERE seq = @a", tx, seq - 1) ?? AuditChain.Genesis;
        CheckHeadBeforeWriting(key, seq - 1, previous, adopt);
        var detail = AuditDetail.Build(audit, writers.ToDictionary(w => w.Table, w => w.Digest()));
        var at = _time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var hash = AuditChain.Hash(previous, seq, batchId, audit.Step, audit.User, at, detail);
        using (var insert = Command(
            "INSERT INTO audit (seq, batch_id, step, user_name, at, detail, previous_hash, hash) VALUES (@a, @b, @c, @d, @e, @f, @g, @h)",
            tx, seq, batchId, audit.Step, audit.User, at, detail, previous, hash))
        {
            insert.ExecuteNonQuery();
        }

        using var head = Command(
            """
            INSERT INTO audit_head (id, count, hash, key_id, signature) VALUES (1, @a, @b, @c, @d)
            ON CONFLICT (id) DO UPDATE SET count = excluded.count, hash = excluded.hash, key_id = excluded.key_id, signature = excluded.signature
            """,
            tx, seq, hash, key.Id, key.Sign(seq, hash));
        head.ExecuteNonQuery();
    }

    /// <summary>
    /// A step only extends a chain whose head is still the one the key signed: never re-signs a chain somebody cut
    /// short, extended or recomputed, nor one signed with another key.
    /// </summary>
    private void CheckHeadBeforeWriting(AuditKey key, long count, string lastHash, bool adopt)
    {
        var head = Head();
        if (head is null)
        {
            if (count > 0 && !adopt)
            {
                throw new UserFacingException("本评审数据库的审计链头尚未签名（由旧版本建立，或签名被删除）：请先运行 eeval review rekey 校验全部记录并签名");
            }

            return;
        }

        if (adopt)
        {
            return;
        }

        if (head.KeyId != key.Id)
        {
            throw new UserFacingException(
                $"审计链头由另一把审计密钥签名（密钥编号 {head.KeyId}，当前密钥 {key.Id}，来自 {key.Source}）：请配置签名时的密钥；换用新密钥须先运行 eeval review rekey");
        }

        if (head.Count != count || head.Hash != lastHash || !key.Verifies(head.Count, head.Hash, head.Signature))
        {
            throw new UserFacingException("审计链与签名的链头不符（记录被删除、追加或重新计算），拒绝在被改动的评审数据库上继续写入：请运行 eeval review verify 查看");
        }
    }

    private static StoredDecision ReadDecision(DbDataReader r) =>
        new(
            Int(r, 0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
            r.GetString(7), r.GetString(8), r.GetInt64(9) != 0, r.GetString(10), r.GetString(11), r.GetString(12), r.GetString(13));

    private static ReviewBatch ReadBatch(DbDataReader r) =>
        new(
            r.GetInt64(0),
            new BatchDefinition(
                r.GetString(1), Int(r, 2), r.GetString(3), r.GetString(4), DateOnly.Parse(r.GetString(5), CultureInfo.InvariantCulture),
                r.GetString(6), r.GetString(7), r.GetString(8), r.GetString(9), r.GetString(10)));

    private void Migrate()
    {
        if (Query(SchemaExistsSql, r => r.GetValue(0)).Count > 0 && SchemaVersion == StoreMigrations.Latest)
        {
            // Up to date: no write lock needed (a store another command is writing to still opens at once).
            return;
        }

        // One write transaction: two commands or instances opening a new store at once create its schema once.
        using var tx = Begin();
        _current = tx;
        try
        {
            Execute("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT PRIMARY KEY, applied_at TEXT NOT NULL)");
            var current = (int)(long)Scalar("SELECT COALESCE(MAX(version), 0) FROM schema_version", tx)!;
            if (current > StoreMigrations.Latest)
            {
                throw new UserFacingException(
                    $"评审数据库（{Location}）的结构版本（{current}）高于本程序支持的版本（{StoreMigrations.Latest}）：它已被更新版本的 eeval 使用过，请升级 eeval 后再打开；本次未做任何改动");
            }

            foreach (var (version, sql) in Migrations.Where(m => m.Version > current))
            {
                try
                {
                    Execute(sql);
                }
                catch (DbException e) when (IsDuplicate(e))
                {
                    throw new UserFacingException(
                        $"评审数据库无法升级到结构版本 {version}：库中已有重复记录（{e.Message}），多半是此前两个命令同时处理了同一批次；"
                        + "请保留此库交系统管理员核查，本次未做任何改动", e);
                }

                using var mark = Command("INSERT INTO schema_version (version, applied_at) VALUES (@a, @b)", tx, version, _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
                mark.ExecuteNonQuery();
            }

            Busy(tx.Commit);
        }
        finally
        {
            _current = null;
        }
    }

    protected void Execute(string sql)
    {
        using var command = Command(sql, null);
        Busy(() => command.ExecuteNonQuery());
    }

    protected object? Scalar(string sql, DbTransaction? tx = null, params object?[] args)
    {
        using var command = Command(sql, tx, args);
        var value = Busy(() => command.ExecuteScalar());
        return value is DBNull ? null : value;
    }

    protected List<T> Query<T>(string sql, Func<DbDataReader, T> map, params object?[] args)
    {
        using var command = Command(sql, null, args);
        using var reader = Busy(() => command.ExecuteReader());
        var list = new List<T>();
        while (reader.Read())
        {
            list.Add(map(reader));
        }

        return list;
    }

    protected DbCommand Command(string sql, DbTransaction? tx, params object?[] args)
    {
        BeforeCommand();
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx ?? _current;
        for (var i = 0; i < args.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + (char)('a' + i);
            // A null stays untyped, so PostgreSQL takes the column's type for it.
            parameter.Value = RowHash.Canonical(args[i]) ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>The write lock of one command: a transaction that Step joins; disposed without commit, it rolls back.</summary>
    private sealed class StoreLock(ReviewStore store) : IStoreLock
    {
        public void Commit()
        {
            var tx = store._current ?? throw new InvalidOperationException("The lock was already released.");
            store.EndTransaction(committing: true);
            store.Busy(tx.Commit);
            tx.Dispose();
            store._current = null;
        }

        public void Dispose()
        {
            if (store._current is { } tx)
            {
                store.EndTransaction(committing: false);
                tx.Dispose();
                store._current = null;
            }
        }
    }
}
