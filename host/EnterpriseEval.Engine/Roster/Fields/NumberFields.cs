using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace EnterpriseEval.Engine.Roster.Fields;

/// <summary>A whole number of a plug-in's extra table (<c>72</c>, <c>-3</c>); full-width digits are read as the digits they are.</summary>
internal readonly struct IntegerField : IFieldParser<int>
{
    public bool TryParse(ReadOnlySpan<char> text, out int value, [NotNullWhen(false)] out string? reason)
    {
        Span<char> buffer = stackalloc char[FullWidth.StackLength];
        var narrow = FullWidth.Contains(text) && text.Length <= buffer.Length ? FullWidth.Narrow(text, buffer) : text;
        if (int.TryParse(narrow, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            reason = null;
            return true;
        }

        reason = "应为整数，如 72";
        return false;
    }
}

/// <summary>A decimal number of a plug-in's extra table (<c>7.5</c>, <c>-0.5</c>); full-width digits and point are read as ASCII.</summary>
internal readonly struct DecimalField : IFieldParser<decimal>
{
    public bool TryParse(ReadOnlySpan<char> text, out decimal value, [NotNullWhen(false)] out string? reason)
    {
        Span<char> buffer = stackalloc char[FullWidth.StackLength];
        var narrow = FullWidth.Contains(text) && text.Length <= buffer.Length ? FullWidth.Narrow(text, buffer) : text;
        if (decimal.TryParse(narrow, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            reason = null;
            return true;
        }

        reason = "应为数字，如 72 或 7.5";
        return false;
    }
}
