using System.Data;
using System.Data.Common;
using EnterpriseEval.Engine;
using EnterpriseEval.Engine.Notices;
using Npgsql;
using NpgsqlTypes;

namespace EnterpriseEval.Workflow.Review.Store;

/// <summary>
/// The review store in a PostgreSQL database (docs/store.md), for a firm that runs several <c>eeval serve</c> instances
/// or keeps its records on its own database server. Same tables and meanings as SQLite. The write lock is a
/// transaction-level advisory lock taken by every step, so steps of all processes on the database are serialised and
/// the audit chain stays one unbroken chain; readers never wait. Rows of a step are sent with binary COPY.
/// </summary>
internal sealed class PostgresReviewStore : ReviewStore
{
    // pg_advisory_xact_lock key of the store's write lock: any fixed number, the same in every eeval.
    private const long WriteLockKey = 0x6565_7661_6C5F_7277; // "eeval_rw"

    private readonly string _location;
    private PostgresTableWriter? _copying;

    /// <param name="connectionString">An Npgsql connection string (docs/store.md).</param>
    /// <param name="time">The clock of the audit entries.</param>
    /// <param name="key">The audit key that signs the chain head.</param>
    /// <param name="busyTimeoutSeconds">How long a step waits for another one holding the write lock.</param>
    /// <param name="mustExist">Refuse a database without the review store's tables instead of creating them.</param>
    public PostgresReviewStore(string connectionString, TimeProvider time, Func<AuditKey>? key = null, int busyTimeoutSeconds = 300, bool mustExist = false)
        : base(time, key, busyTimeoutSeconds)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new UserFacingException($"PostgreSQL 连接字符串无法识别（{e.Message}）：格式如 Host=db.example;Database=eeval;Username=eeval（见 docs/store.md）", e);
        }

        _location = Describe(builder);
        builder.ApplicationName ??= "eeval";

        // A statement may wait for the write lock up to the busy timeout; the client must not give up first.
        builder.CommandTimeout = Math.Max(builder.CommandTimeout, BusySeconds + 60);
        NpgsqlConnection? connection = null;
        try
        {
            connection = new NpgsqlConnection(builder.ConnectionString);
            connection.Open();
            if (mustExist)
            {
                using var exists = connection.CreateCommand();
                exists.CommandText = "SELECT to_regclass('schema_version') IS NOT NULL";
                if (exists.ExecuteScalar() is not true)
                {
                    throw new UserFacingException($"PostgreSQL 数据库 {_location} 中还没有评审数据库（没有 schema_version 表）：新建批次请先运行 eeval review new，或用 eeval store copy 迁入已有记录");
                }
            }

            Start(connection);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException)
        {
            connection?.Dispose();
            throw new UserFacingException($"无法打开评审数据库：{_location}（{e.Message}）", e);
        }
        catch
        {
            connection?.Dispose();
            throw;
        }
    }

    public override string Location => _location;

    public override string Provider => StoreLocation.Postgres;

    protected override IReadOnlyList<(int Version, string Sql)> Migrations => StoreMigrations.Postgres;

    protected override string SchemaExistsSql => "SELECT 1 WHERE to_regclass('schema_version') IS NOT NULL";

    /// <summary>The server and database, never the password: what messages name.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder) =>
        $"PostgreSQL {builder.Host ?? "localhost"}{(builder.Port is 5432 or 0 ? "" : ":" + builder.Port)}/{builder.Database ?? builder.Username ?? ""}";

    protected override DbTransaction BeginWrite()
    {
        var connection = (NpgsqlConnection)Connection;
        var tx = connection.BeginTransaction(IsolationLevel.ReadCommitted);
        try
        {
            // lock_timeout bounds the wait for the advisory lock, like SQLite's busy timeout; READ COMMITTED then lets
            // every statement after the lock see what the previous holder committed.
            using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = $"SELECT set_config('lock_timeout', '{BusySeconds}s', true); SELECT pg_advisory_xact_lock({WriteLockKey})";
            command.ExecuteNonQuery();
            return tx;
        }
        catch
        {
            tx.Dispose();
            throw;
        }
    }

    // 55P03 lock_not_available: lock_timeout passed while waiting for the write lock.
    protected override bool IsBusy(DbException e) => e is PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable };

    protected override bool IsDuplicate(DbException e) => e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    protected override TableWriter Writer(DbTransaction tx, string table, long auditId, long? batchId, params string[] columns) =>
        new PostgresTableWriter(this, table, auditId, batchId, columns);

    // VACUUM FULL writes the counters into a new file, leaving no dead row versions of the casts behind; the
    // write-ahead log and its archives still hold the updates (docs/security.md, "Secret ballot").
    protected override void RewriteStorage() => Execute("VACUUM FULL ballot_counts");

    // A statement cannot run on the connection while a COPY is open: finish it first (the rows stay in the transaction).
    protected override void BeforeCommand() => _copying?.Finish();

    // A step that failed while sending rows leaves its COPY open: cancel it, so the transaction can roll back.
    protected override void EndTransaction(bool committing)
    {
        if (committing)
        {
            _copying?.Finish();
        }
        else
        {
            _copying?.Abandon();
        }
    }

    internal override IReadOnlyList<StoreTable> Tables()
    {
        // The store's tables are those of the connection's current schema (the first of its search_path).
        var columns = Query(
            """
            SELECT table_name::text, column_name::text, lower(data_type::text),
                   is_identity::text = 'YES' OR COALESCE(column_default::text, '') LIKE 'nextval(%'
            FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position
            """,
            r => (Table: r.GetString(0), Column: new StoreColumn(r.GetString(1), r.GetString(2), r.GetBoolean(3))));
        var keys = Query(
            """
            SELECT c.relname::text, a.attname::text
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
            WHERE i.indisprimary AND n.nspname = current_schema()
            ORDER BY c.relname, k.ord
            """,
            r => (Table: r.GetString(0), Column: r.GetString(1)));
        var references = Query(
            """
            SELECT DISTINCT c.relname::text, t.relname::text
            FROM pg_constraint f
            JOIN pg_class c ON c.oid = f.conrelid
            JOIN pg_class t ON t.oid = f.confrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE f.contype = 'f' AND n.nspname = current_schema()
            """,
            r => (Table: r.GetString(0), Referenced: r.GetString(1)));
        return [.. Query(
            """
            SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY c.relname
            """,
            r => r.GetString(0))
            .Select(name => new StoreTable(
                name,
                [.. columns.Where(c => c.Table == name).Select(c => c.Column)],
                [.. keys.Where(k => k.Table == name).Select(k => k.Column)],
                [.. references.Where(f => f.Table == name).Select(f => f.Referenced)]))];
    }

    // Binary COPY into the write lock's transaction: the whole copy commits at once or not at all.
    internal override RowCopier OpenCopy(StoreTable table, IReadOnlyList<string> columns)
    {
        if (Current is null)
        {
            throw new InvalidOperationException("store copy writes under the store's write lock.");
        }

        BeforeCommand();
        return new PostgresRowCopier((NpgsqlConnection)Connection, table, columns);
    }

    // Rows came with their ids: the next id a step takes must come after the largest one copied.
    internal override void AfterCopy(StoreTable table)
    {
        foreach (var column in table.Columns.Where(c => c.Identity))
        {
            Scalar(
                $"SELECT setval(pg_get_serial_sequence(@a, @b), COALESCE((SELECT MAX({Quote(column.Name)}) FROM {Quote(table.Name)}), 0) + 1, false)",
                null,
                Quote(table.Name),
                column.Name);
        }
    }

    /// <summary>
    /// Binary COPY of one table's rows. Opened at the first row; finished when the store runs any other statement or
    /// another table's rows start (a step's audit entry always follows its rows), and opened again if more rows come.
    /// </summary>
    private sealed class PostgresTableWriter(PostgresReviewStore store, string table, long auditId, long? batchId, string[] columns)
        : TableWriter(table, auditId, batchId, columns)
    {
        private NpgsqlBinaryImporter? _copy;

        public void Finish()
        {
            if (_copy is { } copy)
            {
                _copy = null;
                store._copying = null;
                copy.Complete();
                copy.Dispose();
            }
        }

        public void Abandon()
        {
            if (_copy is { } copy)
            {
                _copy = null;
                store._copying = null;
                try
                {
                    copy.Dispose();
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ObjectDisposedException)
                {
                    // The COPY was already broken off with the failed step; the rollback follows.
                }
            }
        }

        protected override void Insert(object?[] values, string contentHash)
        {
            if (_copy is null)
            {
                store._copying?.Finish();
                _copy = ((NpgsqlConnection)store.Connection).BeginBinaryImport(
                    $"COPY {Table} ({string.Join(", ", Columns)}, content_hash) FROM STDIN (FORMAT BINARY)");
                store._copying = this;
            }

            _copy.StartRow();
            foreach (var value in values)
            {
                switch (value)
                {
                    case null:
                        _copy.WriteNull();
                        break;
                    case long l:
                        _copy.Write(l, NpgsqlDbType.Bigint);
                        break;
                    case string s when s.Contains('\0', StringComparison.Ordinal):
                        throw new UserFacingException($"{Table} 的一个值含有空字符（U+0000），PostgreSQL 不能保存它：请检查上传的文件是否完好；本步骤未写入任何内容");
                    case string s:
                        _copy.Write(s, NpgsqlDbType.Text);
                        break;
                    default:
                        throw new ArgumentException($"Unsupported column value {value.GetType().Name}.", nameof(values));
                }
            }

            _copy.Write(contentHash, NpgsqlDbType.Text);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                // Not finished: the step failed; this cancels the COPY and the transaction rolls back.
                Abandon();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>Binary COPY of a table's rows for <c>store copy</c>, each value as the target's column type.</summary>
    private sealed class PostgresRowCopier : RowCopier
    {
        private readonly StoreColumn[] _columns;
        private NpgsqlBinaryImporter? _copy;

        public PostgresRowCopier(NpgsqlConnection connection, StoreTable table, IReadOnlyList<string> columns)
        {
            _columns = [.. columns.Select(name => table.Column(name) ?? throw new ArgumentException($"No column {name} in {table.Name}.", nameof(columns)))];
            _copy = connection.BeginBinaryImport(
                $"COPY {Quote(table.Name)} ({string.Join(", ", columns.Select(Quote))}) FROM STDIN (FORMAT BINARY)");
        }

        public override void Write(IReadOnlyList<object?> values)
        {
            var copy = _copy ?? throw new InvalidOperationException("The copy was completed.");
            copy.StartRow();
            for (var i = 0; i < _columns.Length; i++)
            {
                WriteValue(copy, _columns[i], values[i]);
            }
        }

        public override void Complete()
        {
            if (_copy is { } copy)
            {
                _copy = null;
                copy.Complete();
                copy.Dispose();
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && _copy is { } copy)
            {
                // Not completed: the copy failed; this cancels the COPY and the write lock rolls back.
                _copy = null;
                try
                {
                    copy.Dispose();
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ObjectDisposedException)
                {
                    // The COPY was already broken off; the rollback follows.
                }
            }
        }

        private static void WriteValue(NpgsqlBinaryImporter copy, StoreColumn column, object? value)
        {
            if (value is null)
            {
                copy.WriteNull();
                return;
            }

            switch (column.Type)
            {
                case "bigint":
                    copy.Write(Whole(column, value), NpgsqlDbType.Bigint);
                    break;
                case "integer":
                    copy.Write(checked((int)Whole(column, value)), NpgsqlDbType.Integer);
                    break;
                case "smallint":
                    copy.Write(checked((short)Whole(column, value)), NpgsqlDbType.Smallint);
                    break;
                case "text" or "character varying":
                    if (value is not string s)
                    {
                        throw new StoreCopyValueException(column.Name, $"不是文本（{value.GetType().Name}：{value}）");
                    }

                    if (s.Contains('\0', StringComparison.Ordinal))
                    {
                        throw new StoreCopyValueException(column.Name, "含有空字符（U+0000），PostgreSQL 不能保存它");
                    }

                    copy.Write(s, NpgsqlDbType.Text);
                    break;
                case "double precision" or "real":
                    copy.Write(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), column.Type == "real" ? NpgsqlDbType.Real : NpgsqlDbType.Double);
                    break;
                case "numeric":
                    copy.Write(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Numeric);
                    break;
                case "boolean":
                    copy.Write(value is bool b ? b : Whole(column, value) != 0, NpgsqlDbType.Boolean);
                    break;
                case "bytea":
                    copy.Write(value as byte[] ?? throw new StoreCopyValueException(column.Name, $"不是二进制数据（{value.GetType().Name}）"), NpgsqlDbType.Bytea);
                    break;
                default:
                    throw new StoreCopyValueException(column.Name, $"列类型 {column.Type} 不在 store copy 支持的类型之内（bigint、integer、text、real、numeric、boolean、bytea）");
            }
        }

        private static long Whole(StoreColumn column, object value) => value switch
        {
            long l => l,
            int i => i,
            short s => s,
            bool b => b ? 1 : 0,
            _ => throw new StoreCopyValueException(column.Name, $"不是整数（{value.GetType().Name}：{value}）"),
        };
    }
}
