using System.Diagnostics.CodeAnalysis;

namespace EnterpriseEval.Runtime.Roster.Fields;

/// <summary>A 年度: four digits, optionally followed by 年 as HR systems often write it (<c>2023</c>, <c>2023年</c>).</summary>
internal readonly struct YearField : IFieldParser<int>
{
    public bool TryParse(ReadOnlySpan<char> text, out int value, [NotNullWhen(false)] out string? reason)
    {
        var digits = text.EndsWith('年') ? text[..^1] : text;
        if (digits.Length == 4 && Digits.TryParse(digits, out value) && value is >= Digits.MinYear and <= Digits.MaxYear)
        {
            reason = null;
            return true;
        }

        value = 0;
        reason = $"年度应为四位数字年份（{Digits.MinYear}–{Digits.MaxYear}），如 2023";
        return false;
    }
}
