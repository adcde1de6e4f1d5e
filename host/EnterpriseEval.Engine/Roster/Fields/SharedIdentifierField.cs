using System.Diagnostics.CodeAnalysis;

namespace EnterpriseEval.Engine.Roster.Fields;

/// <summary>
/// A code typed by hand whose values repeat across rows (单位代码): full-width letters and digits narrowed, as in
/// <see cref="IdentifierField"/>, and one string per distinct value from the pool.
/// </summary>
internal readonly struct SharedIdentifierField(StringPool pool) : IFieldParser<string>
{
    public bool TryParse(ReadOnlySpan<char> text, [MaybeNullWhen(false)] out string value, [NotNullWhen(false)] out string? reason)
    {
        reason = null;
        if (!FullWidth.Contains(text))
        {
            value = pool.Get(text);
            return true;
        }

        Span<char> buffer = text.Length <= FullWidth.StackLength ? stackalloc char[FullWidth.StackLength] : new char[text.Length];
        value = pool.Get(FullWidth.Narrow(text, buffer));
        return true;
    }
}
