using System.Diagnostics.CodeAnalysis;

namespace EnterpriseEval.Engine.Roster.Fields;

/// <summary>
/// An identifier typed by hand (工号, 证书编号): kept as written except that full-width letters and digits
/// (<c>ＨＭ００４５</c>) are narrowed, so that it matches the same identifier typed in half-width elsewhere.
/// </summary>
internal readonly struct IdentifierField : IFieldParser<string>
{
    public bool TryParse(ReadOnlySpan<char> text, [MaybeNullWhen(false)] out string value, [NotNullWhen(false)] out string? reason)
    {
        value = FullWidth.ToNarrowString(text);
        reason = null;
        return true;
    }
}
