using System.Diagnostics.CodeAnalysis;

namespace EnterpriseEval.Engine.Roster.Fields;

/// <summary>Free text; with a pool, repeated values (部门, 岗位, 职业工种 …) share one string across a million rows.</summary>
internal readonly struct TextField(StringPool? pool) : IFieldParser<string>
{
    public bool TryParse(ReadOnlySpan<char> text, [MaybeNullWhen(false)] out string value, [NotNullWhen(false)] out string? reason)
    {
        value = pool is null ? text.ToString() : pool.Get(text);
        reason = null;
        return true;
    }
}
