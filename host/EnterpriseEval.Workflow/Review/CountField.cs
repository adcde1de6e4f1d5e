using System.Diagnostics.CodeAnalysis;
using EnterpriseEval.Engine.Roster.Fields;

namespace EnterpriseEval.Workflow.Review;

/// <summary>A head count in a vote file: a whole number, 0 or more.</summary>
internal readonly struct CountField : IFieldParser<int>
{
    public bool TryParse(ReadOnlySpan<char> text, out int value, [NotNullWhen(false)] out string? reason)
    {
        // Workbooks store counts as numbers; 7.0 is still seven people.
        var digits = text.EndsWith(".0") ? text[..^2] : text;
        if (int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value))
        {
            reason = null;
            return true;
        }

        reason = text.StartsWith("-") ? "人数不能为负数" : "应为非负整数（人数）";
        return false;
    }
}
