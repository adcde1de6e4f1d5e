using System.Buffers;
using System.Globalization;
using System.Text;

namespace EnterpriseEval.Engine.Output;

/// <summary>
/// Makes a value safe to open in a spreadsheet (docs/security.md, "Outputs"), as OWASP's CSV-injection guidance
/// describes: a value that begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return would be read by
/// Excel or WPS as a formula, so it gets a leading <c>'</c>; control characters (NUL, ESC, …) and the invisible
/// direction marks that can make a cell read backwards (U+202E …) are written as <c>\u001B</c>-style text, visible to the
/// reader. Values that need neither — nearly all — are returned as they are, without a copy. JSON keeps raw values.
/// </summary>
internal static class SpreadsheetText
{
    // C0 controls, DEL, C1 controls and the Unicode direction marks, embeddings, overrides and isolates.
    private static readonly SearchValues<char> Hidden = SearchValues.Create(
        string.Concat(
            new string([.. Enumerable.Range(0, 0x20).Select(i => (char)i)]),
            new string([.. Enumerable.Range(0x7F, 0x21).Select(i => (char)i)]),
            "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069"));

    /// <summary>True when <paramref name="value"/> must be changed before a spreadsheet opens it.</summary>
    public static bool NeedsCare(ReadOnlySpan<char> value) =>
        value.Length > 0 && (StartsFormula(value[0]) || HasHidden(value));

    // Range searches are vectorised whatever the text; a set search over Chinese text is not. The direction marks'
    // range also holds ordinary punctuation (— …), so a hit there is confirmed against the exact set.
    private static bool HasHidden(ReadOnlySpan<char> value) =>
        value.IndexOfAnyInRange('\u0000', '\u001F') >= 0
        || value.IndexOfAnyInRange('\u007F', '\u009F') >= 0
        || (value.IndexOfAnyInRange('\u200E', '\u2069') is var mark and >= 0 && value[mark..].IndexOfAny(Hidden) >= 0)
        || value.Contains('\u061C');

    /// <summary>The value as it is safe to write into a cell.</summary>
    public static string Safe(string value) => NeedsCare(value) ? Neutralise(value) : value;

    /// <summary>The value as it is safe to write into a cell.</summary>
    public static ReadOnlySpan<char> Safe(ReadOnlySpan<char> value) => NeedsCare(value) ? Neutralise(value) : value;

    private static bool StartsFormula(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static string Neutralise(ReadOnlySpan<char> value)
    {
        var text = new StringBuilder(value.Length + 8);
        if (StartsFormula(value[0]))
        {
            text.Append('\'');
        }

        foreach (var c in value)
        {
            if (Hidden.Contains(c))
            {
                text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
