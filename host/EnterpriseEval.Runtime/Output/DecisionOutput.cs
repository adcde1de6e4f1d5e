using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;
using nietras.SeparatedValues;

namespace EnterpriseEval.Runtime.Output;

/// <summary>
/// Writes <c>decisions.csv</c> (SPEC §7, one row per employee and path tried) and <c>decisions.json</c> (the run's
/// metadata and every decision with its structured findings) in one pass, so each decision's reading order,
/// <c>rule_ids</c> and <c>reasons</c> are computed once for both files, and decisions can be handed over a chunk at a
/// time: neither file needs the whole run in memory. Counts decisions per path and outcome on the way.
/// </summary>
internal sealed class DecisionOutput : IDisposable
{
    private const int FlushAt = 1 << 16;

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        // Chinese stays readable in the file rather than \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // Property names encoded once instead of for every decision (a million-decision run writes each a million times).
    private static readonly JsonEncodedText EmployeeId = JsonEncodedText.Encode("employee_id");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText PathName = JsonEncodedText.Encode("path");
    private static readonly JsonEncodedText TargetLevel = JsonEncodedText.Encode("target_level");
    private static readonly JsonEncodedText TargetSeries = JsonEncodedText.Encode("target_series");
    private static readonly JsonEncodedText TargetOccupation = JsonEncodedText.Encode("target_occupation");
    private static readonly JsonEncodedText OutcomeName = JsonEncodedText.Encode("outcome");
    private static readonly JsonEncodedText EarliestEligibleOn = JsonEncodedText.Encode("earliest_eligible_on");
    private static readonly JsonEncodedText TheoryExamExempt = JsonEncodedText.Encode("theory_exam_exempt");
    private static readonly JsonEncodedText RuleIds = JsonEncodedText.Encode("rule_ids");
    private static readonly JsonEncodedText Reasons = JsonEncodedText.Encode("reasons");
    private static readonly JsonEncodedText BasisCertificateNo = JsonEncodedText.Encode("basis_certificate_no");
    private static readonly JsonEncodedText Findings = JsonEncodedText.Encode("findings");
    private static readonly JsonEncodedText RuleId = JsonEncodedText.Encode("rule_id");
    private static readonly JsonEncodedText Clause = JsonEncodedText.Encode("clause");
    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText MetOn = JsonEncodedText.Encode("met_on");

    private readonly string _pluginProvenance;
    private readonly SepWriter _csv;
    private readonly FileStream _jsonFile;
    private readonly Utf8JsonWriter _json;
    private readonly Dictionary<(ScreeningPath Path, Outcome Outcome), int> _counts = [];

    public DecisionOutput(string csvPath, string jsonPath, DateOnly asOf, string pluginProvenance)
    {
        _pluginProvenance = pluginProvenance;
        _csv = CsvOutput.Create(csvPath, DecisionColumns.Header);
        try
        {
            _jsonFile = new FileStream(jsonPath, FileMode.Create, FileAccess.Write, FileShare.None, FlushAt);
            _json = new Utf8JsonWriter(_jsonFile, JsonOptions);
        }
        catch
        {
            _jsonFile?.Dispose();
            _csv.Dispose();
            throw;
        }

        _json.WriteStartObject();
        _json.WriteString("rule_set_version", StatutoryRuleSet.Version);
        _json.WriteString("as_of", CsvOutput.Date(asOf));
        _json.WriteStartArray("plugins");
        foreach (var p in pluginProvenance.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            _json.WriteStringValue(p);
        }

        _json.WriteEndArray();
        _json.WriteStartArray("decisions");
    }

    /// <summary>Decisions written so far, per path and outcome, for the summary.</summary>
    public IReadOnlyDictionary<(ScreeningPath Path, Outcome Outcome), int> Counts => _counts;

    public void Write(Decision d)
    {
        var ordered = DecisionColumns.InReadingOrder(d.Findings);
        var ruleIds = DecisionColumns.OrderedRuleIds(ordered);
        var reasons = DecisionColumns.OrderedReasons(ordered);
        Span<char> earliest = stackalloc char[10];
        var hasEarliest = d.EarliestEligibleOn is { } on && Format(on, earliest);
        WriteCsv(d, ruleIds, reasons, hasEarliest ? earliest : []);
        WriteJson(d, ordered, ruleIds, reasons, hasEarliest ? earliest : []);
        _counts[(d.Path, d.Outcome)] = _counts.GetValueOrDefault((d.Path, d.Outcome)) + 1;
    }

    /// <summary>Closes the JSON document; a run that fails before this leaves it unterminated, as it always did.</summary>
    public void Complete()
    {
        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.Flush();
    }

    public void Dispose()
    {
        _json.Dispose();
        _jsonFile.Dispose();
        _csv.Dispose();
    }

    private void WriteCsv(Decision d, string ruleIds, string reasons, ReadOnlySpan<char> earliest)
    {
        // By column index, in DecisionColumns.Header order: no look-up of the column name per cell.
        using var row = _csv.NewRow();
        row[0].Set(d.EmployeeId);
        row[1].Set(d.Name);
        row[2].Set(d.Path.ToCode());
        row[3].Set(d.TargetLevelCode);
        row[4].Set(DecisionColumns.Series(d));
        row[5].Set(d.TargetOccupation);
        row[6].Set(d.Outcome.ToCode());
        row[7].Set(earliest);
        row[8].Set(DecisionColumns.YesNo(d.TheoryExamExempt));
        row[9].Set(ruleIds);
        row[10].Set(reasons);
        row[11].Set(d.BasisCertificateNo);
        row[12].Set(StatutoryRuleSet.Version);
        row[13].Set(_pluginProvenance);
    }

    private void WriteJson(Decision d, Finding[] ordered, string ruleIds, string reasons, ReadOnlySpan<char> earliest)
    {
        var json = _json;
        json.WriteStartObject();
        json.WriteString(EmployeeId, d.EmployeeId);
        json.WriteString(Name, d.Name);
        json.WriteString(PathName, d.Path.ToCode());
        json.WriteString(TargetLevel, d.TargetLevelCode);
        json.WriteString(TargetSeries, DecisionColumns.Series(d));
        json.WriteString(TargetOccupation, d.TargetOccupation);
        json.WriteString(OutcomeName, d.Outcome.ToCode());
        if (earliest.IsEmpty)
        {
            json.WriteNull(EarliestEligibleOn);
        }
        else
        {
            json.WriteString(EarliestEligibleOn, earliest);
        }

        json.WriteBoolean(TheoryExamExempt, d.TheoryExamExempt);
        json.WriteString(RuleIds, ruleIds);
        json.WriteString(Reasons, reasons);
        json.WriteString(BasisCertificateNo, d.BasisCertificateNo);
        json.WriteStartArray(Findings);
        Span<char> date = stackalloc char[10];
        foreach (var f in ordered)
        {
            json.WriteStartObject();
            json.WriteString(RuleId, f.RuleId);
            json.WriteString(Clause, f.Clause);
            json.WriteString(Kind, f.Kind.ToString());
            json.WriteString(Message, f.Message);
            if (f.MetOn is { } m && Format(m, date))
            {
                json.WriteString(MetOn, date);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        if (json.BytesPending > FlushAt)
        {
            json.Flush();
        }
    }

    // The same text as CsvOutput.Date, without a string per date.
    private static bool Format(DateOnly date, Span<char> into) =>
        date.TryFormat(into, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture) && written == into.Length;
}
