using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Runtime.Roster.Fields;

/// <summary><see cref="Vocabulary"/> parsing from spans, remembered per spelling (see <see cref="SpanLookup{T}"/>).</summary>
internal static class SpanVocabulary
{
    private static readonly SpanLookup<bool> YesNo = new(Vocabulary.TryParseYesNo);

    public static bool TryParse<TEnum>(ReadOnlySpan<char> text, out TEnum value)
        where TEnum : struct, Enum => Lookup<TEnum>.Instance.TryParse(text, out value);

    public static bool TryParseYesNo(ReadOnlySpan<char> text, out bool value) => YesNo.TryParse(text, out value);

    private static class Lookup<TEnum>
        where TEnum : struct, Enum
    {
        internal static readonly SpanLookup<TEnum> Instance = new(Vocabulary.TryParse);
    }
}
