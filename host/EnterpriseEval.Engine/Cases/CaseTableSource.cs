using EnterpriseEval.Engine.Roster.Sources;

namespace EnterpriseEval.Engine.Cases;

/// <summary>
/// A case's facts as roster tables in memory (docs/test-cases.md): read by the roster's own reader, so a fact is
/// parsed, checked and rejected exactly as the same value in a CSV file would be. Table names are the CSV names
/// (<c>titles</c>, an extra file's name); messages name them <c>titles.csv</c>.
/// </summary>
internal sealed class CaseTableSource(IReadOnlyList<CaseTable> tables) : ITableSource
{
    public IReadOnlyList<string> TableNames { get; } = [.. tables.Select(t => t.Name)];

    public bool Contains(string tableName) => tables.Any(t => t.Name.Equals(tableName, StringComparison.OrdinalIgnoreCase));

    public ITableReader Open(string tableName) =>
        new Reader(tables.FirstOrDefault(t => t.Name.Equals(tableName, StringComparison.OrdinalIgnoreCase))
            ?? throw new Roster.RosterException($"找不到 {tableName}.csv"));

    /// <summary>The table a reject's file name stands for (<c>titles.csv</c> → the case's <c>titles</c> table).</summary>
    public CaseTable? TableOf(string fileName)
    {
        var name = fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? fileName[..^4] : fileName;
        return tables.FirstOrDefault(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
    }

    private sealed class Reader(CaseTable table) : ITableReader
    {
        private int _row = -1;

        public string Name { get; } = table.Name + ".csv";

        public IReadOnlyList<string> Header => table.Header;

        // The header is row 1, as in a CSV file.
        public int RowNumber => _row + 2;

        public int FieldCount => table.Header.Count;

        public bool MoveNext() => ++_row < table.Rows.Count;

        public ReadOnlySpan<char> Field(int index) => table.Rows[_row][index].AsSpan();

        public void Dispose()
        {
        }
    }
}
