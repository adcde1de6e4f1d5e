using System.Diagnostics.CodeAnalysis;
using EnterpriseEval.Engine.Roster.Fields;

namespace EnterpriseEval.Engine.Roster;

/// <summary>The 工号 of a row outside <c>employees.csv</c>: it must name an accepted employee.</summary>
internal readonly struct OwnerField(EmployeeDirectory employees, string employeesFile) : IFieldParser<EmployeeBuilder>
{
    public bool TryParse(ReadOnlySpan<char> text, [MaybeNullWhen(false)] out EmployeeBuilder value, [NotNullWhen(false)] out string? reason)
    {
        // 工号 typed in full width (ＨＭ００４５) name the same employee as in half width.
        Span<char> buffer = stackalloc char[FullWidth.StackLength];
        value = employees.Find(FullWidth.Contains(text) && text.Length <= buffer.Length ? FullWidth.Narrow(text, buffer) : text);
        reason = value switch
        {
            null => $"工号 {text} 在 {employeesFile} 中不存在",
            { Accepted: false } => $"该员工的 {employeesFile} 记录已被拒收（第 {value.Row} 行），此行不予读取",
            _ => null,
        };
        return reason is null;
    }
}
