using System.Text.Encodings.Web;
using System.Text.Json;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Runtime.Output;

/// <summary>
/// Writes <c>decisions.json</c>: the run's metadata and every decision with its structured findings. Streams with
/// <see cref="Utf8JsonWriter"/> so a million decisions never sit in memory as a document.
/// </summary>
internal static class DecisionJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Chinese stays readable in the file rather than \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(string path, DateOnly asOf, IEnumerable<Decision> decisions, string pluginProvenance)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var json = new Utf8JsonWriter(stream, Options);
        json.WriteStartObject();
        json.WriteString("rule_set_version", StatutoryRuleSet.Version);
        json.WriteString("as_of", CsvOutput.Date(asOf));
        json.WriteStartArray("plugins");
        foreach (var p in pluginProvenance.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            json.WriteStringValue(p);
        }

        json.WriteEndArray();
        json.WriteStartArray("decisions");
        foreach (var d in decisions)
        {
            WriteDecision(json, d);
            if (json.BytesPending > 1 << 16)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteDecision(Utf8JsonWriter json, Decision d)
    {
        json.WriteStartObject();
        json.WriteString("employee_id", d.EmployeeId);
        json.WriteString("name", d.Name);
        json.WriteString("path", d.Path.ToCode());
        json.WriteString("target_level", d.TargetLevelCode);
        json.WriteString("target_series", DecisionColumns.Series(d));
        json.WriteString("target_occupation", d.TargetOccupation);
        json.WriteString("outcome", d.Outcome.ToCode());
        if (d.EarliestEligibleOn is { } e)
        {
            json.WriteString("earliest_eligible_on", CsvOutput.Date(e));
        }
        else
        {
            json.WriteNull("earliest_eligible_on");
        }

        json.WriteBoolean("theory_exam_exempt", d.TheoryExamExempt);
        json.WriteString("rule_ids", DecisionColumns.RuleIds(d.Findings));
        json.WriteString("reasons", DecisionColumns.Reasons(d.Findings));
        json.WriteString("basis_certificate_no", d.BasisCertificateNo);
        json.WriteStartArray("findings");
        foreach (var f in DecisionColumns.InReadingOrder(d.Findings))
        {
            json.WriteStartObject();
            json.WriteString("rule_id", f.RuleId);
            json.WriteString("clause", f.Clause);
            json.WriteString("kind", f.Kind.ToString());
            json.WriteString("message", f.Message);
            if (f.MetOn is { } m)
            {
                json.WriteString("met_on", CsvOutput.Date(m));
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
