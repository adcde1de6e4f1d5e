using System.Globalization;
using EnterpriseEval.Sdk.Model;

namespace Ganjiang.HeavyMachinery.Roster;

/// <summary>
/// Reads the firm's extra roster files (<see cref="EmployeeRecord.ExtraFiles"/>). The host passes their rows through
/// as text, so parsing and wording of values happen here, once for every criterion.
/// </summary>
internal static class ExtraRows
{
    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d"];

    /// <summary>The employee's rows of <c>&lt;file&gt;.csv</c>; empty when the file or the employee's rows are absent.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Of(EmployeeRecord record, string file) =>
        record.ExtraFiles.TryGetValue(file, out var rows) ? rows : [];

    /// <summary>Parses a roster date (the same forms the roster reader accepts, docs/roster.md).</summary>
    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Parses a non-negative number such as <c>72</c> or <c>7.5</c>.</summary>
    public static bool TryAmount(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    /// <summary>A date as findings write it: 2026年12月31日.</summary>
    public static string Chinese(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>A number as findings write it: 72, 7.5.</summary>
    /// <remarks>
    /// The text of <c>value.ToString("0.##")</c> (at most two decimals, rounded half away from zero, no trailing
    /// zeros), formatted with the standard format and trimmed: custom number formats were a fifth of the plug-in's
    /// time on a large roster.
    /// </remarks>
    public static string Chinese(decimal value)
    {
        Span<char> text = stackalloc char[32];
        decimal.Round(value, 2, MidpointRounding.AwayFromZero).TryFormat(text, out var length, default, CultureInfo.InvariantCulture);
        var number = text[..length];
        return (number.Contains('.') ? number.TrimEnd('0').TrimEnd('.') : number).ToString();
    }
}
