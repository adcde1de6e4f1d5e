using System.Diagnostics.CodeAnalysis;
using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Roster.Fields;

/// <summary>A vocabulary value: code, Chinese name or alias (docs/roster.md), as <see cref="Vocabulary"/> accepts them.</summary>
internal readonly struct CodeField<TEnum> : IFieldParser<TEnum>
    where TEnum : struct, Enum
{
    public static string UnknownReason => $"无法识别，可填：{Vocabulary.Describe<TEnum>()}";

    public bool TryParse(ReadOnlySpan<char> text, out TEnum value, [NotNullWhen(false)] out string? reason)
    {
        reason = SpanVocabulary.TryParse(text, out value) ? null : UnknownReason;
        return reason is null;
    }
}
