using System.Data.Common;
using EnterpriseEval.Engine;
using EnterpriseEval.Engine.Notices;
using Microsoft.Data.Sqlite;

namespace EnterpriseEval.Workflow.Review.Store;

/// <summary>
/// The review store in one SQLite file (the default, docs/store.md): created and migrated on open; a step is an
/// IMMEDIATE transaction, so another command or process on the same file waits for it (bounded by the busy timeout).
/// </summary>
internal sealed class SqliteReviewStore : ReviewStore
{
    private readonly string _path;

    /// <param name="path">The SQLite file.</param>
    /// <param name="time">The clock of the audit entries.</param>
    /// <param name="key">The audit key that signs the chain head (asked for when a step writes or verify checks).</param>
    /// <param name="busyTimeoutSeconds">How long to wait for another command writing to the same file.</param>
    /// <param name="mustExist">Refuse a path that does not exist instead of creating an empty store.</param>
    public SqliteReviewStore(string path, TimeProvider time, Func<AuditKey>? key = null, int busyTimeoutSeconds = 300, bool mustExist = false)
        : base(time, key, busyTimeoutSeconds)
    {
        _path = Path.GetFullPath(path);
        if (mustExist && !File.Exists(_path))
        {
            throw new UserFacingException($"评审数据库不存在：{_path}。请检查 --store 或配置项 {ReviewOptions.SectionName}:Store；新建批次请先运行 eeval review new");
        }

        SqliteConnection? connection = null;
        try
        {
            var folder = Path.GetDirectoryName(_path);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            // No pooling: the file is released when the store is disposed (tests delete it; users copy it).
            // DefaultTimeout: a statement that finds the file locked by another command retries for this long.
            connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = _path,
                Mode = mustExist ? SqliteOpenMode.ReadWrite : SqliteOpenMode.ReadWriteCreate,
                Pooling = false,
                DefaultTimeout = BusySeconds,
            }.ToString());
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL;";
                pragma.ExecuteNonQuery();
            }

            Start(connection);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            connection?.Dispose();
            throw new UserFacingException($"无法打开评审数据库：{_path}（{e.Message}）", e);
        }
        catch
        {
            connection?.Dispose();
            throw;
        }
    }

    public override string Location => _path;

    public override string Provider => StoreLocation.Sqlite;

    protected override IReadOnlyList<(int Version, string Sql)> Migrations => StoreMigrations.Sqlite;

    protected override string SchemaExistsSql => "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'";

    protected override DbTransaction BeginWrite() => ((SqliteConnection)Connection).BeginTransaction(deferred: false);

    // SQLITE_BUSY, SQLITE_LOCKED after the busy timeout.
    protected override bool IsBusy(DbException e) => e is SqliteException { SqliteErrorCode: 5 or 6 };

    // SQLITE_CONSTRAINT: a UNIQUE key of migration 2 refused a second copy of a step's rows.
    protected override bool IsDuplicate(DbException e) => e is SqliteException { SqliteErrorCode: 19 };

    protected override TableWriter Writer(DbTransaction tx, string table, long auditId, long? batchId, params string[] columns) =>
        new SqliteTableWriter((SqliteConnection)Connection, (SqliteTransaction)tx, table, auditId, batchId, columns);

    // VACUUM rebuilds the whole file from its content: no page order, cell order or freed space of the casts remains.
    protected override void RewriteStorage() => Execute("VACUUM");

    internal override IReadOnlyList<StoreTable> Tables() =>
        [.. Query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!' ORDER BY name",
            r => r.GetString(0))
            .Select(name =>
            {
                var columns = Query(
                    "SELECT name, lower(type), pk FROM pragma_table_info(@a) ORDER BY cid",
                    r => (Name: r.GetString(0), Type: r.GetString(1), Key: r.GetInt64(2)),
                    name);
                return new StoreTable(
                    name,
                    [.. columns.Select(c => new StoreColumn(c.Name, c.Type, Identity: false))],
                    [.. columns.Where(c => c.Key > 0).OrderBy(c => c.Key).Select(c => c.Name)],
                    Query("SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(@a)", r => r.GetString(0), name));
            })];

    // One prepared INSERT per row, in the write lock's transaction: a new file is written in one transaction and
    // renamed into place by the copy (docs/store.md, "Copying a store").
    internal override RowCopier OpenCopy(StoreTable table, IReadOnlyList<string> columns) =>
        new SqliteRowCopier(
            (SqliteConnection)Connection,
            Current as SqliteTransaction ?? throw new InvalidOperationException("store copy writes under the store's write lock."),
            table.Name,
            columns);

    /// <summary>A step's rows: one prepared INSERT per table (the same one <c>store copy</c> uses), executed per row.</summary>
    private sealed class SqliteTableWriter : TableWriter
    {
        private readonly SqliteRowCopier _insert;
        private readonly object?[] _row;

        public SqliteTableWriter(SqliteConnection connection, SqliteTransaction transaction, string table, long auditId, long? batchId, string[] columns)
            : base(table, auditId, batchId, columns)
        {
            _insert = new SqliteRowCopier(connection, transaction, table, [.. Columns, "content_hash"]);
            _row = new object?[Columns.Length + 1];
        }

        protected override void Insert(object?[] values, string contentHash)
        {
            values.CopyTo(_row, 0);
            _row[^1] = contentHash;
            _insert.Write(_row);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _insert.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class SqliteRowCopier : RowCopier
    {
        private readonly SqliteCommand _insert;

        public SqliteRowCopier(SqliteConnection connection, SqliteTransaction transaction, string table, IReadOnlyList<string> columns)
        {
            _insert = connection.CreateCommand();
            _insert.Transaction = transaction;
            _insert.CommandText =
                $"INSERT INTO {Quote(table)} ({string.Join(", ", columns.Select(Quote))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            for (var i = 0; i < columns.Count; i++)
            {
                _insert.Parameters.Add(new SqliteParameter("$p" + i, null));
            }

            _insert.Prepare();
        }

        public override void Write(IReadOnlyList<object?> values)
        {
            for (var i = 0; i < values.Count; i++)
            {
                _insert.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            _insert.ExecuteNonQuery();
        }

        public override void Complete()
        {
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _insert.Dispose();
            }
        }
    }
}
