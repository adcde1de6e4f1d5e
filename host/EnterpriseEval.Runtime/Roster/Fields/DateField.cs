using System.Diagnostics.CodeAnalysis;

namespace EnterpriseEval.Runtime.Roster.Fields;

/// <summary>
/// A roster date: <c>YYYY-MM-DD</c>, also <c>YYYY/MM/DD</c> and <c>YYYY.MM.DD</c>, month and day with one or two
/// digits. Nothing else: a date the reader has to guess at is a date it may get wrong.
/// </summary>
internal readonly struct DateField : IFieldParser<DateOnly>
{
    public const string FormatReason = "日期格式应为 YYYY-MM-DD（也可写作 YYYY/MM/DD 或 YYYY.MM.DD）";

    public bool TryParse(ReadOnlySpan<char> text, out DateOnly value, [NotNullWhen(false)] out string? reason)
    {
        value = default;
        if (!TrySplit(text, out var year, out var month, out var day))
        {
            reason = FormatReason;
            return false;
        }

        if (year is < Digits.MinYear or > Digits.MaxYear)
        {
            reason = $"日期的年份应在 {Digits.MinYear} 到 {Digits.MaxYear} 之间";
            return false;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            reason = "日期不存在（月或日超出范围）";
            return false;
        }

        value = new DateOnly(year, month, day);
        reason = null;
        return true;
    }

    private static bool TrySplit(ReadOnlySpan<char> text, out int year, out int month, out int day)
    {
        month = day = 0;
        if (text.Length is < 8 or > 10 || !Digits.TryParse(text[..4], out year))
        {
            year = 0;
            return false;
        }

        var separator = text[4];
        if (separator is not ('-' or '/' or '.'))
        {
            return false;
        }

        var rest = text[5..];
        var second = rest.IndexOf(separator);
        var dayText = second < 0 ? [] : rest[(second + 1)..];
        return second is 1 or 2
            && dayText.Length is 1 or 2
            && Digits.TryParse(rest[..second], out month)
            && Digits.TryParse(dayText, out day);
    }
}
