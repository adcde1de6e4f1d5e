using EnterpriseEval.Engine.Roster.Fields;

namespace EnterpriseEval.Host.Cli;

/// <summary>
/// A date given on the command line (<c>--as-of</c>, <c>--issued-on</c>, <c>--date</c> …), written as a roster date
/// is (docs/roster.md): <c>2026-12-31</c>, <c>2026/12/31</c>, <c>2026.12.31</c> or <c>2026年12月31日</c>, full-width
/// digits allowed. A day is always needed, and an Excel serial number is not a date here.
/// </summary>
internal static class DateArgument
{
    /// <summary>What a person is told when a date option cannot be read.</summary>
    public const string Formats = "YYYY-MM-DD（也可写作 2026/12/31、2026.12.31 或 2026年12月31日）";

    public static bool TryParse(string text, out DateOnly date) => default(DateField).TryParse(text.Trim(), out date, out _);

    /// <summary>Why the text is not a date (Chinese), e.g. a month without a day, or null when it is one.</summary>
    public static string? Problem(string option, string text) =>
        default(DateField).TryParse(text.Trim(), out _, out var reason) ? null : $"{option} 的日期无法识别：{text}（{Explain(reason)}）";

    public static DateOnly Parse(string text) =>
        TryParse(text, out var d) ? d : throw new FormatException($"日期格式应为 {Formats}：{text}");

    private static string Explain(string reason) => reason == DateField.FormatReason ? $"格式应为 {Formats}" : reason;
}
