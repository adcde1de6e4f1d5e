using System.Diagnostics.CodeAnalysis;
using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Roster.Fields;

/// <summary>
/// The 申报层级 of an application, which must be of the kind its path leads to: a title level on a title path,
/// a skill level on a skill path. A level of the other kind gets its own reason, because it is a different mistake
/// from a typo.
/// </summary>
/// <typeparam name="TLevel">The kind the path leads to.</typeparam>
/// <typeparam name="TOther">The other kind.</typeparam>
internal readonly struct TargetLevelField<TLevel, TOther>(ScreeningPath path) : IFieldParser<TLevel>
    where TLevel : struct, Enum
    where TOther : struct, Enum
{
    public bool TryParse(ReadOnlySpan<char> text, out TLevel value, [NotNullWhen(false)] out string? reason)
    {
        if (SpanVocabulary.TryParse(text, out value))
        {
            reason = null;
            return true;
        }

        var wanted = typeof(TLevel) == typeof(TitleLevel) ? "职称层级" : "职业技能等级";
        reason = SpanVocabulary.TryParse<TOther>(text, out _)
            ? $"申报层级与申报路径不符：{path.ToChinese()}({path.ToCode()}) 应填{wanted}，可填：{Vocabulary.Describe<TLevel>()}"
            : CodeField<TLevel>.UnknownReason;
        return false;
    }
}
