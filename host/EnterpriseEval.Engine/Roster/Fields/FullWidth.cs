using System.Text;

namespace EnterpriseEval.Engine.Roster.Fields;

/// <summary>
/// Full-width forms of ASCII (U+FF01–U+FF5E: <c>ＨＭ００４５</c>, <c>２０２４</c>, <c>／</c>), which Chinese input
/// methods type in full-width mode, narrowed to the ASCII characters they stand for (docs/roster.md). Only codes,
/// ids, dates and years are narrowed, never names or other free text.
/// </summary>
internal static class FullWidth
{
    private const char First = '\uFF01';
    private const char Last = '\uFF5E';
    private const int Offset = First - '!';

    /// <summary>Texts up to this length are narrowed on the stack by callers.</summary>
    public const int StackLength = 64;

    /// <summary>Whether the text has a full-width character; cheap for ASCII text (one vectorised pass).</summary>
    public static bool Contains(ReadOnlySpan<char> text) => !Ascii.IsValid(text) && text.ContainsAnyInRange(First, Last);

    /// <summary>Writes the text into <paramref name="buffer"/> (at least as long) with full-width forms narrowed.</summary>
    public static ReadOnlySpan<char> Narrow(ReadOnlySpan<char> text, Span<char> buffer)
    {
        var narrow = buffer[..text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            narrow[i] = c is >= First and <= Last ? (char)(c - Offset) : c;
        }

        return narrow;
    }

    /// <summary>The text as a string, full-width forms narrowed.</summary>
    public static string ToNarrowString(ReadOnlySpan<char> text) =>
        Contains(text) ? string.Create(text.Length, text, static (chars, t) => Narrow(t, chars)) : text.ToString();
}
