using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace EnterpriseEval.Engine.Roster;

/// <summary>
/// The headers of the columns a table keeps as text for plug-ins (a plug-in file's every column, or the unknown
/// columns of one of ours), shared by all its rows.
/// </summary>
internal sealed class RowColumns
{
    private const int ScanBelow = 8;

    private readonly Dictionary<string, int>? _index;

    public RowColumns(string[] headers)
    {
        Headers = headers;
        if (headers.Length >= ScanBelow)
        {
            _index = new Dictionary<string, int>(headers.Length, StringComparer.Ordinal);
            for (var i = 0; i < headers.Length; i++)
            {
                _index[headers[i]] = i;
            }
        }
    }

    /// <summary>The headers as written, in file order; no two alike.</summary>
    public string[] Headers { get; }

    /// <summary>The position of a header, or -1.</summary>
    public int IndexOf(string header)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(header, out var i) ? i : -1;
        }

        // A handful of columns: comparing is cheaper than hashing.
        for (var i = 0; i < Headers.Length; i++)
        {
            if (string.Equals(Headers[i], header, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>
/// One row's text values by header, read-only, for plug-ins: an array of values against the table's shared
/// <see cref="RowColumns"/>. A million plug-in rows as dictionaries would each carry their own copy of the headers
/// and a hash table.
/// </summary>
internal sealed class RowValues(RowColumns columns, string[] values) : IReadOnlyDictionary<string, string>
{
    public int Count => values.Length;

    public IEnumerable<string> Keys => columns.Headers;

    public IEnumerable<string> Values => values;

    public string this[string key] =>
        columns.IndexOf(key) is var i and >= 0 ? values[i] : throw new KeyNotFoundException($"The row has no column '{key}'.");

    public bool ContainsKey(string key) => columns.IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var i = columns.IndexOf(key);
        value = i >= 0 ? values[i] : null;
        return i >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < values.Length; i++)
        {
            yield return new KeyValuePair<string, string>(columns.Headers[i], values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
