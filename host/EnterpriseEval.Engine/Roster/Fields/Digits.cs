namespace EnterpriseEval.Engine.Roster.Fields;

/// <summary>ASCII digit helpers shared by the date, year and 身份证号 parsers.</summary>
internal static class Digits
{
    /// <summary>The earliest year a roster date or 年度 may carry; earlier ones are typing mistakes.</summary>
    public const int MinYear = 1900;

    /// <summary>The latest year a roster date or 年度 may carry.</summary>
    public const int MaxYear = 2100;

    /// <summary>Parses one to nine ASCII digits (no sign, no white space).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 9)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
