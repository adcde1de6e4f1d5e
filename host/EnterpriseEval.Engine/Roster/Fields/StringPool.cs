namespace EnterpriseEval.Engine.Roster.Fields;

/// <summary>
/// Shares one string per distinct short value within an import, keeping a million records compact. Bounded, so
/// that a column of unique values costs no more than plain strings once the pool is full. Not thread-safe: one
/// import, one pool.
/// </summary>
internal sealed class StringPool
{
    private const int MaxLength = 64;
    private const int MaxEntries = 1 << 16;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public StringPool() => _bySpan = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return "";
        }

        if (text.Length > MaxLength)
        {
            return text.ToString();
        }

        if (_bySpan.TryGetValue(text, out var shared))
        {
            return shared;
        }

        var value = text.ToString();
        if (_strings.Count < MaxEntries)
        {
            _strings.Add(value, value);
        }

        return value;
    }
}
