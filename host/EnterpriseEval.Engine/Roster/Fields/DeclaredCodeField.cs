using System.Diagnostics.CodeAnalysis;
using EnterpriseEval.Sdk.Tables;

namespace EnterpriseEval.Engine.Roster.Fields;

/// <summary>
/// A value of a plug-in's code-list column: the English code (any case, full-width letters narrowed) or the Chinese
/// word of one of its <see cref="CodeValue"/>s; the English code is kept.
/// </summary>
internal readonly struct DeclaredCodeField(ExtraColumn column, string message) : IFieldParser<string>
{
    public bool TryParse(ReadOnlySpan<char> text, [MaybeNullWhen(false)] out string value, [NotNullWhen(false)] out string? reason)
    {
        Span<char> buffer = stackalloc char[FullWidth.StackLength];
        var narrow = FullWidth.Contains(text) && text.Length <= buffer.Length ? FullWidth.Narrow(text, buffer) : text;
        var code = column.CodeOf(text) ?? column.CodeOf(narrow);
        if (code is not null)
        {
            value = code;
            reason = null;
            return true;
        }

        value = null;
        reason = message;
        return false;
    }
}
