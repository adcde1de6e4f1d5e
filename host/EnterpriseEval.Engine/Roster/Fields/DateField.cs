using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace EnterpriseEval.Engine.Roster.Fields;

/// <summary>What a date column makes of a value written only to the month (<c>2021年7月</c>, <c>2021.07</c>).</summary>
internal enum MonthPrecision
{
    /// <summary>Refused: the column needs a day.</summary>
    NotAccepted,

    /// <summary>A month is enough (出生日期, 参加工作时间 are kept to the month in personnel files): the 1st, no note.</summary>
    FirstDay,

    /// <summary>The column needs a day; the month is read as its last day, never counting a day that may not have been, with a note.</summary>
    AssumeLastDay,

    /// <summary>The column needs a day and ends a period; the month is read as its first day, with a note.</summary>
    AssumeFirstDay,
}

/// <summary>How a date was written, when it was read.</summary>
internal enum DateForm
{
    /// <summary>A full date: year, month and day.</summary>
    Day,

    /// <summary>Year and month only; the day is the column's assumption (<see cref="MonthPrecision"/>).</summary>
    Month,

    /// <summary>An Excel date serial number (<c>44378</c>): a date column saved as a number.</summary>
    ExcelSerial,
}

/// <summary>
/// A roster date: <c>YYYY-MM-DD</c>, also <c>YYYY/MM/DD</c>, <c>YYYY.MM.DD</c> and <c>YYYY年M月D日</c>, month and day
/// with one or two digits, full-width digits allowed. Where the column allows it, a month alone (<c>2021年7月</c>,
/// <c>2021-07</c>) and an Excel serial number (<c>44378</c>, what a CSV holds when Excel saved the column as a number).
/// Nothing else: a date the reader has to guess at is a date it may get wrong (docs/roster.md).
/// </summary>
/// <param name="month">What a value written only to the month means in this column.</param>
/// <param name="excelSerial">Whether an Excel serial number is read (roster columns), or refused (command-line dates).</param>
internal readonly struct DateField(MonthPrecision month = MonthPrecision.NotAccepted, bool excelSerial = false) : IFieldParser<DateOnly>
{
    public const string FormatReason = "日期格式应为 YYYY-MM-DD（也可写作 YYYY/MM/DD、YYYY.MM.DD 或 YYYY年M月D日）";

    public const string MonthOnlyReason = "日期只写到月份，此处须写到日，如 2021-07-01 或 2021年7月1日";

    /// <summary>Day 0 of Excel's 1900 date system, as Excel counts from 1 March 1900 on (serial 61).</summary>
    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    public bool TryParse(ReadOnlySpan<char> text, out DateOnly value, [NotNullWhen(false)] out string? reason) =>
        TryParse(text, out value, out _, out reason);

    /// <summary>Parses a date and says how it was written.</summary>
    public bool TryParse(ReadOnlySpan<char> text, out DateOnly value, out DateForm form, [NotNullWhen(false)] out string? reason)
    {
        if (TryParseNarrow(text, out value, out form, out reason))
        {
            return true;
        }

        if (!FullWidth.Contains(text))
        {
            return false;
        }

        Span<char> buffer = stackalloc char[FullWidth.StackLength];
        return text.Length <= buffer.Length
            && TryParseNarrow(FullWidth.Narrow(text, buffer), out value, out form, out reason);
    }

    /// <summary>
    /// The note a date that was read needs in rejects.csv (a month-only value where a day is needed, an Excel serial
    /// number), or null; cheap for a date written in full with - / or . (checked first).
    /// </summary>
    public string? Note(ReadOnlySpan<char> text, DateOnly value)
    {
        if (text.Length >= 8 && text[4] is '-' or '/' or '.')
        {
            return null;
        }

        if (!TryParse(text, out _, out var form, out _))
        {
            return null;
        }

        var date = value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return form switch
        {
            DateForm.ExcelSerial =>
                $"日期被保存成了数字（Excel 日期序号），已换算为 {date}，请核对；" +
                "这是因为 Excel 中此列为“常规”或“数值”格式，请把该列设为日期格式后重新导出",
            DateForm.Month when month == MonthPrecision.AssumeLastDay =>
                $"日期只写到月份，已按该月最后一天 {date} 计算（不多计未经核实的天数）；请补全为年月日",
            DateForm.Month when month == MonthPrecision.AssumeFirstDay =>
                $"日期只写到月份，已按该月第一天 {date} 计算（不多计未经核实的天数）；请补全为年月日",
            _ => null,
        };
    }

    private bool TryParseNarrow(ReadOnlySpan<char> text, out DateOnly value, out DateForm form, [NotNullWhen(false)] out string? reason)
    {
        value = default;
        form = DateForm.Day;
        int year, monthNumber, day;
        if (text.Length >= 5 && text[4] == '年')
        {
            if (!TrySplitChinese(text[5..], out monthNumber, out day))
            {
                reason = FormatReason;
                return false;
            }
        }
        else if (text.Length >= 6 && text[4] is '-' or '/' or '.')
        {
            if (!TrySplit(text[4], text[5..], out monthNumber, out day))
            {
                reason = FormatReason;
                return false;
            }
        }
        else if (excelSerial && TryExcelSerial(text, out value))
        {
            form = DateForm.ExcelSerial;
            reason = null;
            return true;
        }
        else
        {
            reason = text.Length == 4 && Digits.TryParse(text, out _) ? "日期只写了年份，应写到日，如 2021-07-01" : FormatReason;
            return false;
        }

        if (!Digits.TryParse(text[..4], out year))
        {
            reason = FormatReason;
            return false;
        }

        if (year is < Digits.MinYear or > Digits.MaxYear)
        {
            reason = $"日期的年份应在 {Digits.MinYear} 到 {Digits.MaxYear} 之间";
            return false;
        }

        if (monthNumber is < 1 or > 12 || (day != 0 && (day < 1 || day > DateTime.DaysInMonth(year, monthNumber))))
        {
            reason = "日期不存在（月或日超出范围）";
            return false;
        }

        if (day == 0)
        {
            // Written to the month only.
            form = DateForm.Month;
            switch (month)
            {
                case MonthPrecision.FirstDay or MonthPrecision.AssumeFirstDay:
                    day = 1;
                    break;
                case MonthPrecision.AssumeLastDay:
                    day = DateTime.DaysInMonth(year, monthNumber);
                    break;
                default:
                    reason = MonthOnlyReason;
                    return false;
            }
        }

        value = new DateOnly(year, monthNumber, day);
        reason = null;
        return true;
    }

    // After the year and its separator: M s D, or M alone (day 0).
    private static bool TrySplit(char separator, ReadOnlySpan<char> rest, out int month, out int day)
    {
        month = day = 0;
        var second = rest.IndexOf(separator);
        if (second < 0)
        {
            return rest.Length is 1 or 2 && Digits.TryParse(rest, out month);
        }

        var dayText = rest[(second + 1)..];
        return second is 1 or 2
            && dayText.Length is 1 or 2
            && Digits.TryParse(rest[..second], out month)
            && Digits.TryParse(dayText, out day);
    }

    // After 年: M月D日 (日 may be left out), or M月 alone (day 0).
    private static bool TrySplitChinese(ReadOnlySpan<char> rest, out int month, out int day)
    {
        month = day = 0;
        var monthEnd = rest.IndexOf('月');
        if (monthEnd is not (1 or 2) || !Digits.TryParse(rest[..monthEnd], out month))
        {
            return false;
        }

        var dayText = rest[(monthEnd + 1)..];
        if (dayText.EndsWith('日') || dayText.EndsWith('号'))
        {
            dayText = dayText[..^1];
            return dayText.Length is 1 or 2 && Digits.TryParse(dayText, out day);
        }

        return dayText.IsEmpty || (dayText.Length is 1 or 2 && Digits.TryParse(dayText, out day));
    }

    // Five digits (and any fraction, the time of day): Excel's day count, from 1927 on, so a year (four digits) or a
    // compact 20210701 (eight) is never taken for one.
    private static bool TryExcelSerial(ReadOnlySpan<char> text, out DateOnly value)
    {
        value = default;
        var dot = text.IndexOf('.');
        var whole = dot < 0 ? text : text[..dot];
        if (whole.Length != 5 || !Digits.TryParse(whole, out var serial) || (dot >= 0 && !Digits.TryParse(text[(dot + 1)..], out _)))
        {
            return false;
        }

        var date = ExcelEpoch.AddDays(serial);
        if (date.Year > Digits.MaxYear)
        {
            return false;
        }

        value = date;
        return true;
    }
}
