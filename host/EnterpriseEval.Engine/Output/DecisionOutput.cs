using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;
using nietras.SeparatedValues;

namespace EnterpriseEval.Engine.Output;

/// <summary>
/// Writes <c>decisions.csv</c> (docs/roster.md "Result files", one row per employee and path tried) and <c>decisions.json</c> (the run's
/// metadata and every decision with its structured findings), a decision at a time, so that decisions can be handed
/// over a chunk at a time: neither file needs the whole run in memory. Counts decisions per path and outcome on the
/// way.
/// </summary>
/// <remarks>
/// <para>
/// The two files can be written on two threads at once (<see cref="WriteCsv"/>, <see cref="WriteJson"/>; each
/// method is for one thread at a time), or one after the other (<see cref="Write"/>).
/// </para>
/// <para>
/// <c>decisions.json</c> has one decision per line: a million-decision file stays greppable and is a fifth smaller
/// than fully indented JSON. Each finding's sentence is encoded to JSON once and reused for <c>reasons</c>.
/// </para>
/// </remarks>
internal sealed class DecisionOutput : IDisposable
{
    private const int FlushAt = 1 << 16;

    // Chinese stays readable in the file rather than \uXXXX escapes.
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

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
    private static readonly JsonEncodedText Plugins = JsonEncodedText.Encode("plugins");
    private static readonly JsonEncodedText RuleId = JsonEncodedText.Encode("rule_id");
    private static readonly JsonEncodedText Clause = JsonEncodedText.Encode("clause");
    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText MetOn = JsonEncodedText.Encode("met_on");

    private static readonly JsonEncodedText[] KindNames =
        [.. Enumerable.Range(0, Enum.GetValues<FindingKind>().Max(k => (int)k) + 1).Select(i => JsonEncodedText.Encode(((FindingKind)i).ToString()))];

    private static readonly byte[] FirstDecision = "\n    "u8.ToArray();
    private static readonly byte[] NextDecision = ",\n    "u8.ToArray();
    private static readonly byte[] Ending = "\n  ]\n}"u8.ToArray();
    private static readonly byte[] ReasonSeparator = Encoding.UTF8.GetBytes("；");
    private static readonly SearchValues<byte> MustEscape = SearchValues.Create([.. Enumerable.Range(0, 0x20).Select(b => (byte)b), (byte)'"', (byte)'\\']);

    private readonly string _pluginProvenance;
    private readonly SepWriter _csv;
    private readonly FileStream _jsonFile;
    private readonly ArrayBufferWriter<byte> _line = new(1 << 12);
    private readonly Utf8JsonWriter _json;
    private readonly Dictionary<(ScreeningPath Path, Outcome Outcome), int> _counts = [];

    // Codes, rule ids, clauses and kinds are a few dozen string instances (vocabulary and rule constants, a
    // criterion's own id) written millions of times: each is escaped and encoded once, found again by reference.
    private readonly Dictionary<string, JsonEncodedText> _encoded = new(ReferenceEqualityComparer.Instance);
    private char[] _reasons = new char[1 << 12];
    private byte[] _text = new byte[1 << 14];
    private int _textLength;
    private (int Start, int Length)[] _messages = new (int, int)[16];
    private bool _anyDecision;

    public DecisionOutput(string csvPath, string jsonPath, DateOnly asOf, string pluginProvenance)
    {
        _pluginProvenance = pluginProvenance;
        _csv = CsvOutput.Create(csvPath, DecisionColumns.Header);
        try
        {
            _jsonFile = new FileStream(jsonPath, FileMode.Create, FileAccess.Write, FileShare.None, FlushAt);
            _json = new Utf8JsonWriter(_line, new JsonWriterOptions { Encoder = Encoder, SkipValidation = true });
            WriteJsonHeader(asOf, pluginProvenance);
        }
        catch
        {
            _jsonFile?.Dispose();
            _csv.Dispose();
            throw;
        }
    }

    /// <summary>Decisions written so far, per path and outcome, for the summary (counted by <see cref="WriteCsv"/>).</summary>
    public IReadOnlyDictionary<(ScreeningPath Path, Outcome Outcome), int> Counts => _counts;

    /// <summary>Writes the decision to both files.</summary>
    public void Write(Decision d)
    {
        WriteCsv(d);
        WriteJson(d);
    }

    /// <summary>Closes the JSON document; a run that fails before this leaves it unterminated, as it always did.</summary>
    public void Complete()
    {
        _jsonFile.Write(Ending);
        _jsonFile.Flush();
    }

    public void Dispose()
    {
        _json.Dispose();
        _jsonFile.Dispose();
        _csv.Dispose();
    }

    /// <summary>Writes the decision's row of <c>decisions.csv</c> and counts it.</summary>
    public void WriteCsv(Decision d)
    {
        var ordered = DecisionColumns.InReadingOrder(d.Findings);
        Span<char> earliest = stackalloc char[10];
        var hasEarliest = d.EarliestEligibleOn is { } on && Format(on, earliest);

        // By column index, in DecisionColumns.Header order: no look-up of the column name per cell. Every value that
        // comes from the roster or a plug-in is made spreadsheet-safe (SpreadsheetText); codes and dates are ours.
        using (var row = _csv.NewRow())
        {
            row[0].Set(SpreadsheetText.Safe(d.EmployeeId));
            row[1].Set(SpreadsheetText.Safe(d.Name));
            row[2].Set(d.Path.ToCode());
            row[3].Set(d.TargetLevelCode);
            row[4].Set(DecisionColumns.Series(d));
            row[5].Set(SpreadsheetText.Safe(d.TargetOccupation));
            row[6].Set(d.Outcome.ToCode());
            row[7].Set(hasEarliest ? earliest : []);
            row[8].Set(DecisionColumns.YesNo(d.TheoryExamExempt));
            row[9].Set(SpreadsheetText.Safe(DecisionColumns.OrderedRuleIds(ordered)));
            row[10].Set(SpreadsheetText.Safe(DecisionColumns.OrderedReasons(ordered, ref _reasons)));
            row[11].Set(SpreadsheetText.Safe(d.BasisCertificateNo));
            row[12].Set(StatutoryRuleSet.Version);
            row[13].Set(SpreadsheetText.Safe(d.PluginProvenance));
        }

        _counts[(d.Path, d.Outcome)] = _counts.GetValueOrDefault((d.Path, d.Outcome)) + 1;
    }

    /// <summary>Writes the decision's line of <c>decisions.json</c>.</summary>
    public void WriteJson(Decision d)
    {
        var ordered = DecisionColumns.InReadingOrder(d.Findings);
        EncodeMessages(ordered);
        Span<char> date = stackalloc char[10];
        var json = _json;
        json.Reset();
        _line.ResetWrittenCount();
        json.WriteStartObject();
        json.WriteString(EmployeeId, d.EmployeeId);
        json.WriteString(Name, d.Name);
        json.WriteString(PathName, Encoded(d.Path.ToCode()));
        json.WriteString(TargetLevel, Encoded(d.TargetLevelCode));
        json.WriteString(TargetSeries, Encoded(DecisionColumns.Series(d)));
        json.WriteString(TargetOccupation, d.TargetOccupation);
        json.WriteString(OutcomeName, Encoded(d.Outcome.ToCode()));
        if (d.EarliestEligibleOn is { } on && Format(on, date))
        {
            json.WriteString(EarliestEligibleOn, date);
        }
        else
        {
            json.WriteNull(EarliestEligibleOn);
        }

        json.WriteBoolean(TheoryExamExempt, d.TheoryExamExempt);
        json.WriteString(RuleIds, DecisionColumns.OrderedRuleIds(ordered));
        json.WritePropertyName(Reasons);
        json.WriteRawValue(JoinedReasons(ordered.Length), skipInputValidation: true);
        json.WriteString(BasisCertificateNo, d.BasisCertificateNo);

        // The plug-ins that applied to this employee (docs/plugins.md, "Scope"), as in decisions.csv; written when the
        // run loaded any, so a statutory run's file is as it was. A few strings (one per group), encoded once each.
        if (_pluginProvenance.Length > 0)
        {
            json.WriteString(Plugins, Encoded(d.PluginProvenance));
        }

        json.WriteStartArray(Findings);
        for (var i = 0; i < ordered.Length; i++)
        {
            var f = ordered[i];
            json.WriteStartObject();
            json.WriteString(RuleId, Encoded(f.RuleId));
            json.WriteString(Clause, Encoded(f.Clause));
            json.WriteString(Kind, KindName(f.Kind));
            json.WritePropertyName(Message);
            json.WriteRawValue(_text.AsSpan(_messages[i].Start, _messages[i].Length), skipInputValidation: true);
            if (f.MetOn is { } m && Format(m, date))
            {
                json.WriteString(MetOn, date);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        _jsonFile.Write(_anyDecision ? NextDecision : FirstDecision);
        _jsonFile.Write(_line.WrittenSpan);
        _anyDecision = true;
    }

    private void WriteJsonHeader(DateOnly asOf, string pluginProvenance)
    {
        using var header = new Utf8JsonWriter(_jsonFile, new JsonWriterOptions { Indented = true, Encoder = Encoder });
        header.WriteStartObject();
        header.WriteString("rule_set_version", StatutoryRuleSet.Version);
        header.WriteString("as_of", CsvOutput.Date(asOf));
        header.WriteStartArray("plugins");
        foreach (var p in pluginProvenance.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            header.WriteStringValue(p);
        }

        header.WriteEndArray();
        header.WriteStartArray("decisions");
        header.Flush();
    }

    /// <summary>
    /// Encodes every finding's sentence once, as a quoted JSON string, into <see cref="_text"/>: the same bytes serve
    /// the finding's <c>message</c> and, joined, the decision's <c>reasons</c>.
    /// </summary>
    private void EncodeMessages(Finding[] ordered)
    {
        _textLength = 0;
        if (_messages.Length < ordered.Length)
        {
            _messages = new (int, int)[ordered.Length * 2];
        }

        for (var i = 0; i < ordered.Length; i++)
        {
            var start = _textLength;
            Append("\""u8);
            AppendEscaped(ordered[i].Message);
            Append("\""u8);
            _messages[i] = (start, _textLength - start);
        }
    }

    /// <summary>The sentences of <see cref="EncodeMessages"/>, <c>；</c> separated, as one quoted JSON string.</summary>
    private ReadOnlySpan<byte> JoinedReasons(int count)
    {
        var length = 2 + (Math.Max(count, 1) - 1) * ReasonSeparator.Length;
        for (var i = 0; i < count; i++)
        {
            length += _messages[i].Length - 2;
        }

        Reserve(length);
        var start = _textLength;
        Append("\""u8);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                Append(ReasonSeparator);
            }

            Append(_text.AsSpan(_messages[i].Start + 1, _messages[i].Length - 2));
        }

        Append("\""u8);
        return _text.AsSpan(start, _textLength - start);
    }

    /// <summary>
    /// Appends the text as the inside of a JSON string: as plain UTF-8 when it has none of the characters JSON
    /// requires escaped (RFC 8259: quotation mark, reverse solidus, control characters) — every finding sentence in
    /// practice — else as the encoder escapes it. A sentence is checked with one vectorised search instead of the
    /// encoder's character-by-character walk over Chinese text, which was the writer's largest cost.
    /// </summary>
    private void AppendEscaped(string text)
    {
        Reserve(Encoding.UTF8.GetMaxByteCount(text.Length));
        var written = Encoding.UTF8.GetBytes(text, _text.AsSpan(_textLength));
        if (_text.AsSpan(_textLength, written).IndexOfAny(MustEscape) < 0)
        {
            _textLength += written;
            return;
        }

        Append(JsonEncodedText.Encode(text, Encoder).EncodedUtf8Bytes);
    }

    // The kind's name as JSON, once per kind (Enum.ToString need not return the same string each time).
    private static JsonEncodedText KindName(FindingKind kind) =>
        (uint)kind < (uint)KindNames.Length ? KindNames[(int)kind] : JsonEncodedText.Encode(kind.ToString());

    private JsonEncodedText Encoded(string text)
    {
        if (_encoded.TryGetValue(text, out var encoded))
        {
            return encoded;
        }

        encoded = JsonEncodedText.Encode(text, Encoder);
        // Bounded, in case a plug-in makes a new string for every finding.
        if (_encoded.Count < 1024)
        {
            _encoded[text] = encoded;
        }

        return encoded;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(_text.AsSpan(_textLength));
        _textLength += bytes.Length;
    }

    private void Reserve(int more)
    {
        if (_textLength + more > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + more));
        }
    }

    // The same text as CsvOutput.Date, without a string per date.
    private static bool Format(DateOnly date, Span<char> into) =>
        date.TryFormat(into, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture) && written == into.Length;
}
