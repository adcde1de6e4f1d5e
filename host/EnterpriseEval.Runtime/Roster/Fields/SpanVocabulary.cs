using System.Runtime.CompilerServices;
using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Runtime.Roster.Fields;

/// <summary><see cref="Vocabulary"/> parsing from spans, remembered per spelling (see <see cref="SpanLookup"/>).</summary>
internal static class SpanVocabulary
{
    private static readonly SpanLookup YesNo = new(static (string? text, out int value) =>
    {
        var parsed = Vocabulary.TryParseYesNo(text, out var yes);
        value = yes ? 1 : 0;
        return parsed;
    });

    public static bool TryParse<TEnum>(ReadOnlySpan<char> text, out TEnum value)
        where TEnum : struct, Enum
    {
        var parsed = Lookup<TEnum>.Instance.TryParse(text, out var index);
        value = Unsafe.As<int, TEnum>(ref index);
        return parsed;
    }

    public static bool TryParseYesNo(ReadOnlySpan<char> text, out bool value)
    {
        var parsed = YesNo.TryParse(text, out var yes);
        value = yes == 1;
        return parsed;
    }

    private static class Lookup<TEnum>
        where TEnum : struct, Enum
    {
        internal static readonly SpanLookup Instance = Unsafe.SizeOf<TEnum>() == sizeof(int)
            ? new(static (string? text, out int value) =>
            {
                var parsed = Vocabulary.TryParse(text, out TEnum parsedValue);
                value = Unsafe.As<TEnum, int>(ref parsedValue);
                return parsed;
            })
            : throw new NotSupportedException($"{typeof(TEnum).Name}: vocabulary enums are int-based.");
    }
}
