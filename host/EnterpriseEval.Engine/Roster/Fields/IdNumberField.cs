using System.Diagnostics.CodeAnalysis;

namespace EnterpriseEval.Engine.Roster.Fields;

/// <summary>
/// A 身份证号 (GB 11643-1999): 18 characters, the first 17 digits, the last a check character computed from them.
/// A lowercase x is accepted and stored as X; full-width digits and Ｘ are read as the characters they stand for.
/// </summary>
internal readonly struct IdNumberField : IFieldParser<string>
{
    private const string CheckCharacters = "10X98765432";

    private static ReadOnlySpan<int> Weights => [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    public bool TryParse(ReadOnlySpan<char> text, [MaybeNullWhen(false)] out string value, [NotNullWhen(false)] out string? reason)
    {
        if (!FullWidth.Contains(text) || text.Length > FullWidth.StackLength)
        {
            return TryParseNarrow(text, out value, out reason);
        }

        Span<char> buffer = stackalloc char[FullWidth.StackLength];
        return TryParseNarrow(FullWidth.Narrow(text, buffer), out value, out reason);
    }

    private static bool TryParseNarrow(ReadOnlySpan<char> text, [MaybeNullWhen(false)] out string value, [NotNullWhen(false)] out string? reason)
    {
        value = null;
        if (text.Length != 18)
        {
            reason = $"身份证号应为 18 位，此处为 {text.Length} 位";
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                reason = "身份证号前 17 位应为数字";
                return false;
            }

            sum += (text[i] - '0') * Weights[i];
        }

        var expected = CheckCharacters[sum % 11];
        if (char.ToUpperInvariant(text[17]) != expected)
        {
            reason = $"身份证号校验位不正确（按前 17 位应为 {expected}）";
            return false;
        }

        value = string.Concat(text[..17], [expected]);
        reason = null;
        return true;
    }
}
