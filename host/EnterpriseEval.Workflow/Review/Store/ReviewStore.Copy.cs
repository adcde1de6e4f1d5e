namespace EnterpriseEval.Workflow.Review.Store;

/// <summary>
/// What <c>eeval store copy</c> needs of a store (docs/store.md, "Copying a store"): its tables as the database
/// describes them, their rows streamed in key order, and a fast writer of rows with their ids. Everything runs within
/// the store's write lock (<see cref="Lock"/>), so the source is read as one consistent state and the target is
/// written in one transaction.
/// </summary>
internal abstract partial class ReviewStore
{
    /// <summary>The store's tables, from the database's own catalog (not a list in the code).</summary>
    internal abstract IReadOnlyList<StoreTable> Tables();

    /// <summary>Opens the writer of one table's rows, within the current write lock.</summary>
    /// <param name="table">The table, as this store describes it (<see cref="Tables"/>).</param>
    /// <param name="columns">The columns the rows give, in that order.</param>
    internal abstract RowCopier OpenCopy(StoreTable table, IReadOnlyList<string> columns);

    /// <summary>After a table was copied with its ids: PostgreSQL moves each identity sequence past the largest id.</summary>
    internal virtual void AfterCopy(StoreTable table)
    {
    }

    /// <summary>The number of rows of a table.</summary>
    internal long CountRows(StoreTable table) => Convert.ToInt64(Scalar($"SELECT COUNT(*) FROM {Quote(table.Name)}"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Deletes every row of a table (the target's own <c>schema_version</c> rows, replaced by the source's).</summary>
    internal void DeleteRows(StoreTable table) => Execute($"DELETE FROM {Quote(table.Name)}");

    /// <summary>
    /// The rows of a table, streamed (never a whole table in memory) in primary key order — all columns when it has no
    /// key — so a copy writes them in the order they were written and a table without a hidden insertion number (the
    /// ballot counters) keeps no trace of the order of updates. One array is reused for every row.
    /// </summary>
    internal IEnumerable<object?[]> ReadRows(StoreTable table, IReadOnlyList<string> columns)
    {
        var order = table.PrimaryKey.Count > 0 ? table.PrimaryKey : columns;
        using var command = Command(
            $"SELECT {string.Join(", ", columns.Select(Quote))} FROM {Quote(table.Name)} ORDER BY {string.Join(", ", order.Select(Quote))}", null);
        using var reader = Busy(() => command.ExecuteReader());
        var values = new object?[columns.Count];
        while (reader.Read())
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            yield return values;
        }
    }

    /// <summary>An identifier quoted for SQL (both providers take double quotes).</summary>
    internal static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
