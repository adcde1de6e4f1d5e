using Microsoft.Data.Sqlite;

namespace EnterpriseEval.Workflow.Review.Store;

/// <summary>
/// Inserts rows into one table within a transaction through one prepared statement, hashing each row and keeping
/// the digest the audit entry records.
/// </summary>
internal sealed class TableWriter : IDisposable
{
    private readonly SqliteCommand _insert;
    private readonly string[] _columns;
    private readonly object?[] _values;
    private readonly RowDigest _digest = new();

    /// <param name="connection">The store's connection.</param>
    /// <param name="transaction">The step's transaction.</param>
    /// <param name="table">The table.</param>
    /// <param name="auditId">The entry that writes the rows (every row names it).</param>
    /// <param name="batchId">The batch (null for the batches table itself).</param>
    /// <param name="columns">The data columns, in table order.</param>
    public TableWriter(SqliteConnection connection, SqliteTransaction transaction, string table, long auditId, long? batchId, params string[] columns)
    {
        Table = table;
        string[] keys = batchId is null ? ["audit_id"] : ["batch_id", "audit_id"];
        _columns = [.. keys, .. columns];
        _values = new object?[_columns.Length];
        if (batchId is { } b)
        {
            _values[0] = b;
            _values[1] = auditId;
        }
        else
        {
            _values[0] = auditId;
        }

        _insert = connection.CreateCommand();
        _insert.Transaction = transaction;
        _insert.CommandText =
            $"INSERT INTO {table} ({string.Join(", ", _columns)}, content_hash) VALUES ({string.Join(", ", _columns.Select((_, i) => "$p" + i))}, $hash)";
        for (var i = 0; i < _columns.Length; i++)
        {
            _insert.Parameters.Add(new SqliteParameter("$p" + i, null));
        }

        _insert.Parameters.Add(new SqliteParameter("$hash", null));
    }

    public string Table { get; }

    /// <summary>Inserts one row.</summary>
    public void Write(params object?[] values)
    {
        var keys = _columns.Length - values.Length;
        for (var i = 0; i < values.Length; i++)
        {
            _values[keys + i] = RowHash.Canonical(values[i]);
        }

        var hash = RowHash.Of(_columns, _values);
        for (var i = 0; i < _values.Length; i++)
        {
            _insert.Parameters[i].Value = _values[i] ?? DBNull.Value;
        }

        _insert.Parameters[^1].Value = hash;
        _insert.ExecuteNonQuery();
        _digest.Add(hash);
    }

    public string Digest() => _digest.Finish();

    public void Dispose()
    {
        _insert.Dispose();
        _digest.Dispose();
    }
}
