using System.Globalization;
using System.Text;

namespace Ganjiang.HeavyMachinery.Roster;

/// <summary>How findings write dates and numbers (formatting only: every value arrives parsed, <see cref="FirmTables"/>).</summary>
internal static class Wording
{
    [ThreadStatic]
    private static StringBuilder? t_sentence;

    /// <summary>
    /// This thread's builder for a finding's sentence, emptied, starting with <paramref name="lead"/>: a criterion writes
    /// its sentence into it and takes the text (<c>ToString</c>) before it writes another. Reused, not made for every
    /// sentence: a builder and its buffer were a tenth of what the plug-in's criteria allocated on a large roster
    /// (BENCHMARKS.md). One that grew past its first buffer (a sentence of more than 1,024 characters) is replaced, as
    /// emptying a builder of several buffers makes a new buffer every time. Criteria run on several threads at once, so
    /// each thread has its own.
    /// </summary>
    public static StringBuilder Sentence(string lead) =>
        (t_sentence is { Capacity: <= 1024 } kept ? kept.Clear() : t_sentence = new StringBuilder(1024)).Append(lead);

    /// <summary>A date as findings write it: 2026年12月31日.</summary>
    public static string Chinese(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    private static readonly string[] WholeNumbers =
        [.. Enumerable.Range(0, 1000).Select(n => n.ToString(CultureInfo.InvariantCulture))];

    /// <summary>A number as findings write it: 72, 7.5.</summary>
    /// <remarks>
    /// The text of <c>value.ToString("0.##")</c> (at most two decimals, rounded half away from zero, no trailing
    /// zeros), formatted with the standard format and trimmed: custom number formats were a fifth of the plug-in's
    /// time on a large roster.
    /// </remarks>
    public static string Chinese(decimal value)
    {
        // Whole numbers as the roster writes them (hours, points: 40, 15) are the common case: their text made once.
        if (value.Scale == 0 && value >= 0 && value < WholeNumbers.Length)
        {
            return WholeNumbers[(int)value];
        }

        Span<char> text = stackalloc char[32];
        decimal.Round(value, 2, MidpointRounding.AwayFromZero).TryFormat(text, out var length, default, CultureInfo.InvariantCulture);
        var number = text[..length];
        return (number.Contains('.') ? number.TrimEnd('0').TrimEnd('.') : number).ToString();
    }
}
