namespace EnterpriseEval.Workflow.Review.Store;

/// <summary>
/// A table of a store as its database describes it (<c>sqlite_master</c> and <c>pragma_table_info</c>, or PostgreSQL's
/// catalog): what <c>eeval store copy</c> copies (docs/store.md, "Copying a store"). Read from the database rather than
/// from a list in the code, so a table a later migration adds is copied as well.
/// </summary>
/// <param name="Name">The table.</param>
/// <param name="Columns">Its columns, in table order.</param>
/// <param name="PrimaryKey">The columns of its primary key, in key order (empty when it has none).</param>
/// <param name="References">The tables its foreign keys refer to (they are copied first).</param>
internal sealed record StoreTable(string Name, IReadOnlyList<StoreColumn> Columns, IReadOnlyList<string> PrimaryKey, IReadOnlyList<string> References)
{
    /// <summary>The column of that name, or null.</summary>
    public StoreColumn? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);
}

/// <summary>A column of a <see cref="StoreTable"/>.</summary>
/// <param name="Name">The column.</param>
/// <param name="Type">Its declared type, lower case (<c>integer</c>, <c>text</c> in SQLite; <c>bigint</c>, <c>text</c> in PostgreSQL).</param>
/// <param name="Identity">PostgreSQL: an identity (or serial) column, whose sequence a copy moves past the largest value copied.</param>
internal sealed record StoreColumn(string Name, string Type, bool Identity);

/// <summary>
/// Writes the rows of one table into a store during <c>eeval store copy</c>, within the store's write lock
/// (<see cref="ReviewStore.Lock"/>): a prepared INSERT for SQLite, binary COPY for PostgreSQL. The values are written
/// as read, ids included, so every content hash and every digest of the audit chain still holds in the copy.
/// </summary>
internal abstract class RowCopier : IDisposable
{
    /// <summary>Writes one row: <paramref name="values"/> for the columns the copier was opened with, in that order.</summary>
    /// <exception cref="StoreCopyValueException">A value the target's column cannot hold.</exception>
    public abstract void Write(IReadOnlyList<object?> values);

    /// <summary>Finishes the table's rows (PostgreSQL ends the COPY); nothing is committed before the lock is.</summary>
    public abstract void Complete();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposed without <see cref="Complete"/>: the rows are abandoned (the write lock then rolls back).</summary>
    protected abstract void Dispose(bool disposing);
}

/// <summary>A value of a source row the target's column cannot hold; the copy names the table and row and stops.</summary>
internal sealed class StoreCopyValueException(string column, string reason) : Exception(reason)
{
    public string Column { get; } = column;
}
