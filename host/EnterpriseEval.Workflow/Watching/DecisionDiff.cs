using EnterpriseEval.Engine.Output;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Workflow.Watching;

/// <summary>What changed in the decisions between two runs, as lines a person reads (Chinese).</summary>
internal static class DecisionDiff
{
    public static IReadOnlyList<string> Between(IEnumerable<Decision> before, IEnumerable<Decision> after)
    {
        var old = before.ToDictionary(Key, StringComparer.Ordinal);
        var lines = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in after)
        {
            var key = Key(d);
            seen.Add(key);
            if (!old.TryGetValue(key, out var was))
            {
                lines.Add($"+ {d.EmployeeId} {d.Name} {DecisionText.Target(d)}：{d.Outcome.ToChinese()}");
            }
            else if (Summary(was) != Summary(d))
            {
                lines.Add($"~ {d.EmployeeId} {d.Name} {DecisionText.Target(d)}：{Summary(was)} → {Summary(d)}");
            }
        }

        lines.AddRange(old.Where(kv => !seen.Contains(kv.Key)).Select(kv => $"- {kv.Value.EmployeeId} {kv.Value.Name} {DecisionText.Target(kv.Value)}"));
        return lines;
    }

    private static string Key(Decision d) => $"{d.EmployeeId}|{d.Path}|{d.TargetLevelCode}|{d.TargetSeries}|{d.TargetOccupation}";

    private static string Summary(Decision d)
    {
        var ids = DecisionColumns.RuleIds(d.Findings);
        var date = d.EarliestEligibleOn is { } e ? $"，最早 {CsvOutput.Date(e)}" : "";
        return $"{d.Outcome.ToChinese()}{(ids.Length > 0 ? $"（{ids}）" : "")}{date}";
    }
}
