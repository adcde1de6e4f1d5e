using EnterpriseEval.Workflow.Review.Store;
using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Engine.Roster.Sources;

namespace EnterpriseEval.Workflow.Review;

/// <summary>
/// The roster a batch imported, read back from the store through the same <see cref="ITableSource"/> the CSV and
/// workbook readers implement: screening and replay validate exactly the rows that were imported.
/// </summary>
internal sealed class StoredRosterSource(IReviewStore store, long batchId) : ITableSource
{
    private readonly Dictionary<string, StoredTable> _tables =
        store.RosterTables(batchId).ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> TableNames => [.. _tables.Values.Select(t => t.Name)];

    public bool Contains(string tableName) => _tables.ContainsKey(tableName);

    public ITableReader Open(string tableName) =>
        _tables.TryGetValue(tableName, out var table)
            ? new StoredTableReader(table.DisplayName, table.Header, store.RosterRows(batchId, table.Name))
            : throw new RosterException($"评审批次中没有导入 {tableName} 表");

    /// <summary>Copies every table of a source as raw rows, streamed, for the store to keep.</summary>
    public static IEnumerable<StoredTable> Capture(ITableSource source)
    {
        foreach (var name in source.TableNames)
        {
            var reader = source.Open(name);
            yield return new StoredTable(name, reader.Name, reader.Header, RowsOf(reader));
        }
    }

    private static IEnumerable<StoredRow> RowsOf(ITableReader reader)
    {
        using (reader)
        {
            while (reader.MoveNext())
            {
                var fields = new string[reader.FieldCount];
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = reader.Field(i).ToString();
                }

                yield return new StoredRow(reader.RowNumber, fields);
            }
        }
    }
}
