using System.Globalization;

namespace Ganjiang.HeavyMachinery.Roster;

/// <summary>How findings write dates and numbers (formatting only: every value arrives parsed, <see cref="FirmTables"/>).</summary>
internal static class Wording
{
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
