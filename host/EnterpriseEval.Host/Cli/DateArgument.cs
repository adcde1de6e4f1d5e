using System.Globalization;

namespace EnterpriseEval.Host.Cli;

/// <summary>A date given on the command line: <c>YYYY-MM-DD</c>.</summary>
internal static class DateArgument
{
    public static bool TryParse(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static DateOnly Parse(string text) =>
        TryParse(text, out var d) ? d : throw new FormatException($"日期格式应为 YYYY-MM-DD：{text}");
}
