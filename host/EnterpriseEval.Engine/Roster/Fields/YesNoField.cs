using System.Diagnostics.CodeAnalysis;

namespace EnterpriseEval.Engine.Roster.Fields;

/// <summary>是/否 (also yes/no, Y/N, 1/0, true/false).</summary>
internal readonly struct YesNoField : IFieldParser<bool>
{
    public bool TryParse(ReadOnlySpan<char> text, out bool value, [NotNullWhen(false)] out string? reason)
    {
        reason = SpanVocabulary.TryParseYesNo(text, out value) ? null : "无法识别，可填：是(yes)、否(no)";
        return reason is null;
    }
}
