using EnterpriseEval.Engine.Tests.Support;
using System.Text;
using CsCheck;
using EnterpriseEval.Engine.Documents;
using EnterpriseEval.Engine.Tests.Documents;
using EnterpriseEval.Sdk.Documents;
using Xunit.Abstractions;

namespace EnterpriseEval.Engine.Tests.Fuzzing;

/// <summary>
/// Issue #18, "Fuzzing and property tests" (docs/security.md): plug-in templates put together from pieces — the
/// model's variables and members (ModelSchema), raw HTML, Scriban statements, filters, includes and stray syntax —
/// rendered over models whose every text is hostile. A template either loads or is refused with Chinese errors naming
/// file, line and column; a loaded one renders or fails with <see cref="DocumentRenderException"/>; what it renders
/// never carries a model value unescaped, and never the full 身份证号 while masking is on.
/// </summary>
[Collection(MeasuredCollection.Name)]
public sealed class TemplateFuzzTests(ITestOutputHelper output)
{
    /// <summary>Markers a hostile value carries; none may reach the output as it is.</summary>
    internal static readonly string[] Markers = ["<script>alert(7)", "<img src=x onerror", "<b id=fuzz>"];

    /// <summary>Texts a roster or a plug-in hands to a template: markup, template syntax, quotes, control characters.</summary>
    internal static readonly string[] Hostile =
    [
        "张伟",
        "\"'><script>alert(7)</script>",
        "<img src=x onerror=alert(8)>",
        "javascript:alert(9)<b id=fuzz>",
        "{{ employee.id_number }}<b id=fuzz>",
        "]]></b><b id=fuzz>&amp;&#x3C;",
        "\0\u001B[31m\u202E<b id=fuzz>\r\n# 标题\n- 列表",
        "*_`[链接](javascript:x)<b id=fuzz>`|~!",
        "",
    ];

    /// <summary>Identity numbers as rosters hold them; none may be printed whole while masking is on.</summary>
    internal static readonly string[] IdNumbers =
        [DocumentSamples.RawIdNumber, "36010219900101123x", "360102900101123", "３６０１０２１９９００１０１１２３４", " 360102199001011234 "];

    private static readonly DocumentKind[] Kinds =
        [DocumentKind.PostEquivalenceNotice, DocumentKind.WageNotice, DocumentKind.ScreeningResultNotice, DocumentKind.PublicityList];

    /// <summary>
    /// Pieces a template is likely to load with: values printed in text, through filters, captures, conditions and
    /// loops, and markup around them; <c>V</c> stands for a model path, <c>L</c> for a list of the model.
    /// </summary>
    private static readonly string[] TextPieces =
    [
        "{{ V }}", "{{ V | string.upcase }}", "{{ V | string.slice 0 12 }}", "{{ V | html.escape }}", "{{ V | string.replace '<' '' }}",
        "<p title=\"{{ V }}\">", "<!-- {{ V }} -->", "{{ x = V }}{{ x }}", "{{ if V }}是{{ else }}否{{ end }}",
        "{{ capture c }}<b>{{ V }}</b>{{ end }}{{ c }}", "{{ V | string.append '<b>' }}", "{{ '<i>' + V }}", "{{ V | html.strip }}",
        "{{ V | string.url_encode }}", "{{ V | string.url_decode }}", "{{ V | regex.replace '<' '<' }}", "{{ mask_id V }}",
        "{{ V | string.size }}", "{{ for e in L }}{{ for.index }}{{ end }}", "{{ L | array.size }}", "{{ V | string.truncate 5 }}",
        "{{ V | string.split ' ' | array.join '<' }}", "{{ ~ V ~ }}", "<td>{{ V }}</td>", "{{ V }}{{ V }}",
        "<p>", "</p>", "正文中文", "&", "<", ">", "\"", "'", "\n", "{", "}", "\r\n", "<style>p{}</style>", "<script>window.print();</script>",
    ];

    /// <summary>Pieces a template is likely to be refused for, or to fail with: unsafe contexts, whole records, limits, broken syntax.</summary>
    private static readonly string[] OtherPieces =
    [
        "<a href=\"{{ V }}\">x</a>", "<p class={{ V }}>", "<script>{{ V }}</script>", "{{ for c in V }}{{ c }}{{ end }}",
        "{{ V | object.to_json }}", "{{ V | string.to_int }}", "{{ V | array.join ',' }}", "{{ V | string.split '' | array.join '' }}",
        "{{ for e in L }}{{ e }}{{ end }}", "{{ L[0] }}", "{{ employee | object.to_json }}", "{{ object.values employee }}",
        "{{ employee | object.keys }}", "{{ employee[\"id_number\"] }}", "{{ k = 'id_' + 'number'; employee[k] }}",
        "{{ for p in employee }}{{ p }}{{ end }}", "{{ employee.id_number | string.slice 0 18 }}", "{{ 1 / 0 }}",
        "{{ 'x' | string.pad_left 100000000 }}", "{{ for i in 1..100000000 }}{{ end }}", "{{ func f; ret f; end; f }}",
        "{{ include 'part.sbn' }}", "{{ include 'missing.sbn' }}", "{{ include '../x.sbn' }}", "{{ date.now }}", "{{ }}", "{{", "}}",
        "{{ end }}", "{{ if }}", "{{ raw }}{{ V }}{{ end }}", "{{ 'a' * 3 }}", "\0", "<style>", "</style>", "<script>", "</script>",
        "{{ 'x' | string.pad_left 2147483647 }}", "{{ V | string.slice 5 -1 }}", "{{ V | regex.match '(' }}", "{{ V | regex.replace '(?<' '' }}",
        "{{ V | date.parse }}", "{{ V | math.format 'X' }}", "{{ 1e308 * 10 }}", "{{ 9223372036854775807 + 1 }}", "{{ 1 / 0.0 }}",
        "{{ [1, 2] | array.insert_at 100000000 1 }}", "{{ 'a' * 2147483647 }}", "{{ V | string.to_double | math.round 400 }}",
        "{{ V | string.split '' | array.size }}", "{{ V | html.url_escape }}", "{{ V | string.escape }}", "{{ V | object.format '0000' }}",
        "{{ V | string.handleize }}", "{{ V | math.times 1e300 }}", "{{ date.parse V | date.to_string '%Y' }}", "{{ V | string.base64_decode }}",
        "{{ V | string.base64_encode | string.base64_decode }}", "{{ V[100] }}", "{{ V[-1] }}", "{{ V | array.first }}", "{{ V.size }}",
    ];

    /// <summary>Every path of every kind's model, down one level: for some kinds a path does not exist, or is a record.</summary>
    private static readonly string[] Paths = [.. Kinds.SelectMany(k => PathsOf(k.ModelType(), "", depth: 0)).Select(p => p.Path).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The paths of each kind that lead to a single value (text, date, number, enum).</summary>
    private static readonly Dictionary<DocumentKind, string[]> Scalars = Kinds.ToDictionary(
        k => k,
        k => PathsOf(k.ModelType(), "", depth: 0)
            .Where(p => !ModelSchema.IsModelType(p.Type) && (p.Type == typeof(string) || ModelSchema.ElementType(p.Type) is null))
            .Select(p => p.Path).ToArray());

    /// <summary>The lists of each kind's model (of every kind's when it has none).</summary>
    private static readonly Dictionary<DocumentKind, string[]> Lists = Kinds.ToDictionary(
        k => k,
        k => ModelSchema.Members(k.ModelType()).Where(m => m.Value != typeof(string) && ModelSchema.ElementType(m.Value) is not null)
            .Select(m => m.Key).DefaultIfEmpty("basis").ToArray());

    /// <summary>A piece and the choice of the path and the list filled into it.</summary>
    private static Gen<(string Text, int Value, int List)> Piece { get; } = Gen.Select(
        Gen.Frequency((6, Gen.OneOfConst(TextPieces)), (1, Gen.OneOfConst(OtherPieces))), Gen.Int[0, 1_000], Gen.Int[0, 1_000]);

    [Fact]
    public void A_generated_plugin_template_loads_or_is_refused_in_chinese_and_never_prints_a_value_unescaped_or_an_id_number_whole()
    {
        var cases = Gen.Select(
            Gen.Int[0, Kinds.Length - 1],
            Gen.Bool,
            Piece.Array[1, 8],
            Piece.Array[0, 3],
            Gen.Int[0, Hostile.Length - 1].Array[4],
            Gen.Int[0, IdNumbers.Length - 1]);
        var outcomes = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        FuzzBudget.Run(
            cases,
            c => outcomes.AddOrUpdate(
                Check(Kinds[c.Item1], c.Item2 ? DocumentFormat.Html : DocumentFormat.Markdown, Fill(Kinds[c.Item1], c.Item3), Fill(Kinds[c.Item1], c.Item4), c.Item5, IdNumbers[c.Item6]),
                1,
                (_, n) => n + 1),
            c => $"{Kinds[c.Item1]} {(c.Item2 ? "html" : "md")} template {Show(Fill(Kinds[c.Item1], c.Item3))} part {Show(Fill(Kinds[c.Item1], c.Item4))} values [{string.Join(",", c.Item5)}] id {c.Item6}",
            output.WriteLine);
        output.WriteLine(string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {o.Value}")));
    }

    /// <summary>Loads and renders one generated template, checking every property.</summary>
    internal static string Check(DocumentKind kind, DocumentFormat format, string template, string part, int[] values, string idNumber)
    {
        using var plugin = new TempFolder();
        var extension = format == DocumentFormat.Html ? "html" : "md";
        var path = plugin.Write($"notice.{extension}.sbn", template);
        plugin.Write("part.sbn", part);
        TemplateCatalog catalog;
        try
        {
            catalog = FuzzBudget.WithinTime(
                () => TemplateCatalog.Load([new TemplateOverride(kind, format, path, "fuzz.plugin", plugin.Path)]), "TemplateCatalog.Load");
        }
        catch (TemplateLoadException e)
        {
            Assert.NotEmpty(e.Errors);
            foreach (var error in e.Errors)
            {
                Assert.True(FuzzBudget.IsChinese(WithoutValues(error.Message)), $"not a Chinese error: {error}");
                Assert.False(string.IsNullOrEmpty(error.File), $"an error names no file: {error}");
                Assert.True(error.Line == 0 ? error.Column == 0 : error.Column >= 1, $"an error has a line and no column: {error}");
                Assert.DoesNotContain(idNumber.Trim(), error.Message, StringComparison.Ordinal);
            }

            return "refused at load";
        }

        var model = Model(kind, values, idNumber);
        string rendered;
        try
        {
            rendered = FuzzBudget.WithinTime(() => new DocumentRenderer(catalog).Render(kind, format, model), "DocumentRenderer.Render");
        }
        catch (DocumentRenderException e)
        {
            Assert.True(FuzzBudget.IsChinese(WithoutValues(e.Error.Message)), $"not a Chinese error: {e.Error}");
            Assert.False(string.IsNullOrEmpty(e.Error.File), $"an error names no file: {e.Error}");
            Assert.DoesNotContain(idNumber.Trim(), e.Message, StringComparison.Ordinal);
            return "failed to render";
        }

        foreach (var marker in Markers)
        {
            Assert.False(PrintedRaw(rendered, marker, format), $"printed unescaped: {marker}");
        }

        Assert.False(rendered.Contains(idNumber.Trim(), StringComparison.Ordinal), "the whole identity number was printed");
        return "rendered";
    }

    /// <summary>The sample model of a kind with every text replaced by a hostile one and the given identity number.</summary>
    private static object Model(DocumentKind kind, int[] values, string idNumber)
    {
        string V(int i) => Hostile[values[i % values.Length]];
        var issue = DocumentSamples.Issue with { Enterprise = V(0), Department = V(1), DocumentNumber = V(2) };
        var person = DocumentSamples.Person with { Name = V(0), Department = V(1), Post = V(2), EmployeeId = V(3), IdNumber = idNumber };
        return kind switch
        {
            { Code: "post_equivalence_notice" } => DocumentSamples.PostEquivalence(person) with { Issue = issue, Occupation = V(3), InternalGrade = V(1) },
            { Code: "wage_notice" } => DocumentSamples.Wage with
            {
                Issue = issue,
                Employee = person,
                Reason = V(3),
                Items = [.. DocumentSamples.Wage.Items.Select(i => i with { Name = V(0), Basis = V(2) })],
            },
            { Code: "screening_result_notice" } => DocumentSamples.ScreeningResult with
            {
                Issue = issue,
                Employee = person,
                Results = [.. DocumentSamples.ScreeningResult.Results.Select(r => r with { Target = V(1), Reasons = [V(2), V(3)] })],
            },
            _ => DocumentSamples.Publicity with
            {
                Issue = issue,
                BatchName = V(3),
                ObjectionContact = V(0),
                Entries = [.. DocumentSamples.Publicity.Entries.Select(e => e with { Name = V(0), Department = V(1), AppliedFor = V(2), Result = V(3) })],
            },
        };
    }

    /// <summary>
    /// Whether <paramref name="marker"/> is in the output as markup: in HTML anywhere; in Markdown where its <c>&lt;</c>
    /// is not escaped by a backslash (an odd number of backslashes before it).
    /// </summary>
    internal static bool PrintedRaw(string rendered, string marker, DocumentFormat format)
    {
        for (var at = rendered.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = rendered.IndexOf(marker, at + 1, StringComparison.Ordinal))
        {
            var backslashes = 0;
            while (format == DocumentFormat.Markdown && at - backslashes > 0 && rendered[at - backslashes - 1] == '\\')
            {
                backslashes++;
            }

            if (backslashes % 2 == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The template text of the pieces for a kind: <c>V</c> becomes one of the kind's single values (one time in eight
    /// any path of any kind), <c>L</c> one of its lists.
    /// </summary>
    private static string Fill(DocumentKind kind, (string Text, int Value, int List)[] pieces) => string.Concat(pieces.Select(p =>
    {
        var scalars = Scalars[kind];
        var path = p.Value % 8 == 0 ? Paths[p.Value / 8 % Paths.Length] : scalars[p.Value % scalars.Length];
        var lists = Lists[kind];
        return p.Text.Replace("V", path, StringComparison.Ordinal).Replace("L", lists[p.List % lists.Length], StringComparison.Ordinal);
    }));

    /// <summary>A message without the model's values it may quote: what is left must still be Chinese.</summary>
    private static string WithoutValues(string message) =>
        Hostile.Where(v => v.Length > 0).Aggregate(message, (m, v) => m.Replace(v, "", StringComparison.Ordinal));

    private static IEnumerable<(string Path, Type Type)> PathsOf(Type type, string prefix, int depth)
    {
        foreach (var (name, member) in ModelSchema.Members(type))
        {
            yield return (prefix + name, member);
            if (depth == 0 && ModelSchema.IsModelType(member))
            {
                foreach (var nested in PathsOf(member, prefix + name + ".", depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }

    private static string Show(string text)
    {
        var shown = new StringBuilder();
        foreach (var c in text)
        {
            shown.Append(c switch { '\n' => "\\n", '\r' => "\\r", '\0' => "\\0", _ => c.ToString() });
        }

        return shown.ToString();
    }
}
