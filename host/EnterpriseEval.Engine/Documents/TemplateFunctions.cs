using System.Collections;
using System.Text.RegularExpressions;
using EnterpriseEval.Sdk.Documents;
using Scriban.Runtime;

namespace EnterpriseEval.Engine.Documents;

/// <summary>
/// The functions every template may call, plus the pure functions a caller (a plug-in) adds. Shared read-only by
/// all renders.
/// </summary>
internal static partial class TemplateFunctions
{
    /// <summary>The built-in functions, by the name a template calls.</summary>
    internal static IReadOnlyDictionary<string, Delegate> BuiltIn { get; } = new Dictionary<string, Delegate>(StringComparer.Ordinal)
    {
        // 壹仟贰佰元整
        ["capital_amount"] = (Func<decimal, string>)ChineseAmount.ToCapital,
        // 1,200.00 (also what printing a decimal gives)
        ["format_amount"] = (Func<decimal, string>)ChineseAmount.ToFigure,
        // 2026年11月24日 (also what printing a date gives)
        ["format_date"] = (Func<DateOnly, string>)ChineseDate.Format,
        // 360102********1234, for identity numbers a plug-in adds to a template itself
        ["mask_id"] = (Func<string, string>)IdentityNumber.Mask,
        // 人社部发〔2020〕96号 二（二）1、二（二）3、赣人社字〔2021〕227号 一
        ["citations"] = (Func<object, string>)Citations,
        // 1 → 一, for numbering parts: （一）（二）
        ["cn_numeral"] = (Func<int, string>)ChineseNumeral.Of,
    };

    /// <summary>
    /// Builds the read-only function object for templates. Errors (bad names, names already taken by a built-in or
    /// a model variable) are added to <paramref name="errors"/>.
    /// </summary>
    internal static ScriptObject Build(
        IReadOnlyDictionary<string, Delegate> extra, IReadOnlySet<string> reserved, string origin, List<TemplateError> errors)
    {
        var functions = new ScriptObject();
        foreach (var (name, function) in BuiltIn)
        {
            functions.Import(name, function);
        }

        foreach (var (name, function) in extra.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!NamePattern().IsMatch(name))
            {
                errors.Add(new(origin, name, 0, 0, $"模板函数名“{name}”不合规：只能由小写字母、数字和下划线组成，且以字母开头"));
            }
            else if (BuiltIn.ContainsKey(name) || reserved.Contains(name))
            {
                errors.Add(new(origin, name, 0, 0, $"模板函数“{name}”与内置函数或文档变量重名"));
            }
            else
            {
                functions.Import(name, function);
            }
        }

        functions.IsReadOnly = true;
        return functions;
    }

    private static string Citations(object basis) =>
        basis is IEnumerable items
            ? PolicyCitation.FormatList(items.OfType<PolicyBasis>().Select(b => b.ClauseId))
            : "";

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex NamePattern();
}
