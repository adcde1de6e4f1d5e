using System.Text.Encodings.Web;
using System.Text.Json;
using EnterpriseEval.Engine.Output;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Workflow.Review;

/// <summary>A screening decision as the review store keeps it: the <c>decisions.csv</c> columns and its findings.</summary>
internal static class DecisionRecord
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static StoredDecision From(int employeeIndex, Decision d) => new(
        employeeIndex,
        d.EmployeeId,
        d.Name,
        d.Path.ToCode(),
        d.TargetLevelCode,
        DecisionColumns.Series(d),
        d.TargetOccupation,
        d.Outcome.ToCode(),
        d.EarliestEligibleOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        d.TheoryExamExempt,
        d.BasisCertificateNo,
        DecisionColumns.RuleIds(d.Findings),
        DecisionColumns.Reasons(d.Findings),
        JsonSerializer.Serialize(
            DecisionColumns.InReadingOrder(d.Findings).Select(f => new
            {
                rule_id = f.RuleId,
                clause = f.Clause,
                kind = f.Kind.ToString(),
                message = f.Message,
                met_on = f.MetOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            }),
            Json));

    /// <summary>Every decision of a screening result, numbered by the employee's place in the roster.</summary>
    public static IEnumerable<StoredDecision> FromResult(Engine.Screening.ScreeningResult result, int firstEmployeeIndex)
    {
        for (var i = 0; i < result.DecisionsByEmployee.Count; i++)
        {
            foreach (var d in result.DecisionsByEmployee[i])
            {
                yield return From(firstEmployeeIndex + i, d);
            }
        }
    }
}
