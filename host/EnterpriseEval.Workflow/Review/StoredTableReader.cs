using EnterpriseEval.Engine.Roster.Sources;

namespace EnterpriseEval.Workflow.Review;

/// <summary>One stored roster table, replayed row by row with the row numbers and fields of the original file.</summary>
internal sealed class StoredTableReader(string name, IReadOnlyList<string> header, IEnumerable<StoredRow> rows) : ITableReader
{
    private readonly IEnumerator<StoredRow> _rows = rows.GetEnumerator();

    public string Name { get; } = name;

    public IReadOnlyList<string> Header { get; } = header;

    public int RowNumber => _rows.Current.RowNumber;

    public int FieldCount => _rows.Current.Fields.Count;

    public bool MoveNext() => _rows.MoveNext();

    public ReadOnlySpan<char> Field(int index) => _rows.Current.Fields[index];

    public void Dispose() => _rows.Dispose();
}
