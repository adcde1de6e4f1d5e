namespace EnterpriseEval.Engine.Roster.Tables;

/// <summary>
/// Where a table's known columns sit in one file's header, and which header cells are unknown (kept for plug-ins).
/// </summary>
internal sealed class HeaderMap
{
    private readonly IReadOnlyList<string> _header;
    private readonly (int Index, string Header)[] _unknown;
    private readonly (int Index, string Header)[] _all;

    // Field index + 1 by column key; 0 for a column not in this table (so the array needs no filling).
    private readonly int[] _byKey;

    private HeaderMap(IReadOnlyList<string> header, RosterColumn[] columns, int[] indices, (int, string)[] unknown, (int, string)[] all)
    {
        _header = header;
        _unknown = unknown;
        _all = all;
        _byKey = new int[columns.Length == 0 ? 0 : columns.Max(c => c.Key) + 1];
        for (var i = 0; i < columns.Length; i++)
        {
            _byKey[columns[i].Key] = indices[i] + 2;
        }
    }

    /// <summary>The number of cells in the header, which every row must match.</summary>
    public int FieldCount => _header.Count;

    /// <summary>Header cells that name no known column, with their field index; empty header cells are left out.</summary>
    public ReadOnlySpan<(int Index, string Header)> Unknown => _unknown;

    /// <summary>Every non-empty header cell with its field index.</summary>
    public ReadOnlySpan<(int Index, string Header)> All => _all;

    /// <summary>Maps a header to a schema.</summary>
    /// <exception cref="RosterException">A required column is missing, or a column appears twice.</exception>
    public static HeaderMap Create(string fileName, IReadOnlyList<string> header, RosterTableSchema schema)
    {
        var columns = schema.Columns.ToArray();
        var indices = new int[columns.Length];
        Array.Fill(indices, -1);
        var unknown = new List<(int, string)>();
        var all = new List<(int, string)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var cell = header[i];
            if (cell.Length == 0)
            {
                // Spreadsheet exports often end the header with empty cells; they carry nothing to keep.
                continue;
            }

            all.Add((i, cell));
            var known = Array.FindIndex(columns, c => c.Matches(cell));
            if (known >= 0 && indices[known] >= 0)
            {
                throw Duplicate(fileName, columns[known].Display, indices[known], i);
            }

            if (known < 0 && !seen.TryAdd(cell, i))
            {
                throw Duplicate(fileName, cell, seen[cell], i);
            }

            if (known >= 0)
            {
                indices[known] = i;
            }
            else
            {
                unknown.Add((i, cell));
            }
        }

        for (var k = 0; k < columns.Length; k++)
        {
            if (columns[k].Required && indices[k] < 0)
            {
                throw new RosterException($"{fileName} 缺少必需列 {columns[k].Display}") { File = fileName, Row = 1, Column = columns[k].Display };
            }
        }

        return new HeaderMap(header, columns, indices, [.. unknown], [.. all]);
    }

    /// <summary>The field index of a known column, or -1 when the file does not have it.</summary>
    public int IndexOf(RosterColumn column)
    {
        // Called for every field of every row: an array look-up by the column's key.
        var key = column.Key;
        if ((uint)key < (uint)_byKey.Length && _byKey[key] is var entry and > 0)
        {
            return entry - 2;
        }

        throw new ArgumentException($"Column {column.Name} is not part of this table.", nameof(column));
    }

    /// <summary>The header of a known column as written in the file (for rejects).</summary>
    public string HeaderOf(RosterColumn column)
    {
        var index = IndexOf(column);
        return index < 0 ? column.Name : _header[index];
    }

    private static RosterException Duplicate(string fileName, string column, int first, int second) =>
        new($"{fileName} 的表头中“{column}”出现了两次（第 {first + 1} 列和第 {second + 1} 列）");
}
