using System.Collections.Concurrent;

namespace EnterpriseEval.Engine.Roster.Fields;

/// <summary>
/// Remembers what a string parser answered for each spelling seen, so that a million rows of 高级工 cost one
/// string and one vocabulary look-up, not a million. Only successes are remembered, and only a bounded number.
/// </summary>
/// <remarks>
/// Values are kept as <see cref="int"/> (callers convert): one dictionary type for every vocabulary, whose code is
/// compiled once, instead of one per enum that ReadyToRun cannot precompile and the JIT compiles at every start.
/// </remarks>
internal sealed class SpanLookup
{
    private const int MaxSpellings = 1024;

    private readonly TryParseText<int> _parse;
    private readonly ConcurrentDictionary<string, int> _known = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private int _count;

    public SpanLookup(TryParseText<int> parse)
    {
        _parse = parse;
        _bySpan = _known.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool TryParse(ReadOnlySpan<char> text, out int value)
    {
        if (_bySpan.TryGetValue(text, out value))
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
