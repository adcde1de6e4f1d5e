using System.Diagnostics.CodeAnalysis;

namespace EnterpriseEval.Engine.Roster.Fields;

/// <summary>
/// A 年度: four digits, optionally followed by 年 or 年度 as HR systems often write it (<c>2023</c>, <c>2023年</c>,
/// <c>2023年度</c>); full-width digits (<c>２０２３</c>) are read as the digits they are.
/// </summary>
internal readonly struct YearField : IFieldParser<int>
{
    public bool TryParse(ReadOnlySpan<char> text, out int value, [NotNullWhen(false)] out string? reason)
    {
        if (TryParseNarrow(text, out value))
        {
            reason = null;
            return true;
        }

        Span<char> buffer = stackalloc char[FullWidth.StackLength];
        if (FullWidth.Contains(text) && text.Length <= buffer.Length && TryParseNarrow(FullWidth.Narrow(text, buffer), out value))
        {
            reason = null;
            return true;
        }

        value = 0;
        reason = $"年度应为四位数字年份（{Digits.MinYear}–{Digits.MaxYear}），如 2023";
        return false;
    }

    private static bool TryParseNarrow(ReadOnlySpan<char> text, out int value)
    {
        var digits = text.EndsWith("年度") ? text[..^2] : text.EndsWith('年') ? text[..^1] : text;
        value = 0;
        return digits.Length == 4 && Digits.TryParse(digits, out value) && value is >= Digits.MinYear and <= Digits.MaxYear;
    }
}
