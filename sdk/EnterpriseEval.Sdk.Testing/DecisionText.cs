using System.Globalization;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Testing;

/// <summary>Decisions as an assertion message shows them: what was found, so the author need not debug to see it.</summary>
internal static class DecisionText
{
    public static string Describe(Decision d)
    {
        var target = d.TargetTitleLevel?.ToChinese() ?? d.TargetSkillLevel?.ToChinese() ?? "";
        var lines = d.Findings.Select(f => $"    [{f.Kind}] {f.RuleId}：{f.Message}");
        return $"{Environment.NewLine}  {d.EmployeeId} {d.Path.ToChinese()}（{d.Path.ToCode()}）{target} → {d.Outcome.ToChinese()}（{d.Outcome.ToCode()}）"
            + (d.EarliestEligibleOn is { } on ? "，最早 " + on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")
            + string.Concat(lines.Select(l => Environment.NewLine + l));
    }

    public static string List(IEnumerable<Decision> decisions)
    {
        var text = string.Concat(decisions.Select(Describe));
        return text.Length == 0 ? "（无 / none）" : text;
    }
}
