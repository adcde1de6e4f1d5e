namespace EnterpriseEval.Workflow.Review.Store;

/// <summary>
/// Writes rows into one table within a step's transaction, hashing each row (<see cref="RowHash"/>) and keeping the
/// digest the audit entry records. How the rows reach the database is the provider's (<see cref="Insert"/>).
/// </summary>
internal abstract class TableWriter : IDisposable
{
    private readonly object?[] _values;
    private readonly RowDigest _digest = new();

    /// <param name="table">The table.</param>
    /// <param name="auditId">The entry that writes the rows (every row names it).</param>
    /// <param name="batchId">The batch (null for the batches table itself).</param>
    /// <param name="columns">The data columns, in table order.</param>
    protected TableWriter(string table, long auditId, long? batchId, string[] columns)
    {
        Table = table;
        string[] keys = batchId is null ? ["audit_id"] : ["batch_id", "audit_id"];
        Columns = [.. keys, .. columns];
        _values = new object?[Columns.Length];
        if (batchId is { } b)
        {
            _values[0] = b;
            _values[1] = auditId;
        }
        else
        {
            _values[0] = auditId;
        }
    }

    public string Table { get; }

    /// <summary>Every column written but <c>content_hash</c>, in table order: the keys, then the data columns.</summary>
    protected string[] Columns { get; }

    /// <summary>Inserts one row.</summary>
    public void Write(params object?[] values)
    {
        var keys = Columns.Length - values.Length;
        for (var i = 0; i < values.Length; i++)
        {
            _values[keys + i] = RowHash.Canonical(values[i]);
        }

        var hash = RowHash.Of(Columns, _values);
        Insert(_values, hash);
        _digest.Add(hash);
    }

    public string Digest() => _digest.Finish();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Sends one row: <paramref name="values"/> (canonical: text, 64-bit integers, null) for <see cref="Columns"/>, then the hash.</summary>
    protected abstract void Insert(object?[] values, string contentHash);

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _digest.Dispose();
        }
    }
}
