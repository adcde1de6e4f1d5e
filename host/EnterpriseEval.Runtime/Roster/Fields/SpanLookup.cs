using System.Collections.Concurrent;

namespace EnterpriseEval.Runtime.Roster.Fields;

/// <summary>
/// Remembers what a string parser answered for each spelling seen, so that a million rows of 高级工 cost one
/// string and one vocabulary look-up, not a million. Only successes are remembered, and only a bounded number.
/// </summary>
internal sealed class SpanLookup<T>
{
    private const int MaxSpellings = 1024;

    private readonly TryParseText<T> _parse;
    private readonly ConcurrentDictionary<string, T> _known = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private int _count;

    public SpanLookup(TryParseText<T> parse)
    {
        _parse = parse;
        _bySpan = _known.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool TryParse(ReadOnlySpan<char> text, out T value)
    {
        if (_bySpan.TryGetValue(text, out value!))
        {
            return true;
        }

        var spelling = text.ToString();
        if (!_parse(spelling, out value))
        {
            return false;
        }

        // ConcurrentDictionary.Count takes every lock; a counter is enough for a bound.
        if (Volatile.Read(ref _count) < MaxSpellings && _known.TryAdd(spelling, value))
        {
            Interlocked.Increment(ref _count);
        }

        return true;
    }
}
