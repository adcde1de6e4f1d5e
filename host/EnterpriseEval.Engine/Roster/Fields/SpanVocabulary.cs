using System.Runtime.CompilerServices;
using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Roster.Fields;

/// <summary>
/// <see cref="Vocabulary"/> parsing from spans, remembered per spelling (see <see cref="SpanLookup"/>). A spelling not
/// known as written is tried again with full-width letters and digits narrowed (<c>ｑｕａｌｉｆｉｅｄ</c>, <c>是</c> stays).
/// </summary>
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
        var parsed = TryParse(Lookup<TEnum>.Instance, text, out var index);
        value = Unsafe.As<int, TEnum>(ref index);
        return parsed;
    }

    public static bool TryParseYesNo(ReadOnlySpan<char> text, out bool value)
    {
        var parsed = TryParse(YesNo, text, out var yes);
        value = yes == 1;
        return parsed;
    }

    private static bool TryParse(SpanLookup lookup, ReadOnlySpan<char> text, out int value)
    {
        if (lookup.TryParse(text, out value))
        {
            return true;
        }

        if (!FullWidth.Contains(text) || text.Length > FullWidth.StackLength)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[FullWidth.StackLength];
        return lookup.TryParse(FullWidth.Narrow(text, buffer), out value);
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
