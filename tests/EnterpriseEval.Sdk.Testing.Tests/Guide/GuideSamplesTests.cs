namespace EnterpriseEval.Sdk.Testing.Tests.Guide;

/// <summary>
/// The C# samples of docs/plugin-authoring.md ("Reading extra columns and files", "Pay tables and the wage and allowance
/// notices", "Document settings") are quoted from code that compiles — the shipped plug-ins, the SDK, or this folder's
/// guide samples. A sample whose code has changed there, or that was never there, fails here, naming its first line.
/// </summary>
public sealed class GuideSamplesTests
{
    private const string FirstSection = "## Reading extra columns and files";
    private const string EndSection = "## Testing with EnterpriseEval.Sdk.Testing";

    // The mark a sample uses to leave lines out ("// … in Evaluate(CriterionContext context):").
    private const string Elision = "// …";

    [Fact]
    public void Every_csharp_sample_of_the_guide_sections_is_in_compiled_code()
    {
        var root = FindRepository();
        var guide = File.ReadAllText(Path.Combine(root, "docs", "plugin-authoring.md")).ReplaceLineEndings("\n");
        var start = guide.IndexOf(FirstSection, StringComparison.Ordinal);
        var end = guide.IndexOf(EndSection, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/plugin-authoring.md lacks the guide sections this test checks");

        var sources = new[] { "plugins", "sdk", Path.Combine("tests", "EnterpriseEval.Sdk.Testing.Tests", "Guide") }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path: f, Lines: Lines(File.ReadAllText(f))))
            .ToList();

        var samples = Samples(guide[start..end]).ToList();
        Assert.True(samples.Count >= 5, $"expected the guide's C# samples, found {samples.Count}");
        foreach (var sample in samples)
        {
            var lines = Lines(sample).Where(l => !l.StartsWith(Elision, StringComparison.Ordinal)).ToList();
            var best = sources.Select(s => Matched(lines, s.Lines)).Max();
            if (best < lines.Count)
            {
                Assert.Fail($"docs/plugin-authoring.md: this C# sample is not in plugins/, sdk/ or tests/…/Guide (first line not found: “{lines[best]}”):\n{sample}");
            }
        }
    }

    [Fact]
    public void The_document_settings_table_lists_every_setting_of_the_host_with_its_default()
    {
        var guide = File.ReadAllText(Path.Combine(FindRepository(), "docs", "plugin-authoring.md")).ReplaceLineEndings("\n");
        var section = guide[guide.IndexOf("## Document settings", StringComparison.Ordinal)..guide.IndexOf(EndSection, StringComparison.Ordinal)];
        var rows = section.Split('\n')
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(c => c[1].Trim('`'), c => c[2].Trim('`'));

        // The host's options (EnterpriseEval:Documents), internal to the engine: read as the configuration binder does.
        var type = Type.GetType("EnterpriseEval.Engine.Notices.DocumentsOptions, EnterpriseEval.Engine", throwOnError: true)!;
        var defaults = Activator.CreateInstance(type, nonPublic: true)!;
        var settings = type.GetProperties().Where(p => p.CanWrite).ToDictionary(
            p => p.Name,
            p => p.GetValue(defaults) switch { "" => "empty", System.Collections.ICollection { Count: 0 } => "empty", bool b => b ? "true" : "false", var v => v?.ToString() ?? "" });

        Assert.Equal(settings.OrderBy(kv => kv.Key), rows.OrderBy(kv => kv.Key));
    }

    // The ```csharp blocks of a text.
    private static IEnumerable<string> Samples(string text)
    {
        const string open = "```csharp\n";
        for (var i = text.IndexOf(open, StringComparison.Ordinal); i >= 0; i = text.IndexOf(open, i, StringComparison.Ordinal))
        {
            i += open.Length;
            var close = text.IndexOf("```", i, StringComparison.Ordinal);
            yield return text[i..close];
            i = close + 3;
        }
    }

    // Trimmed, non-empty lines: indentation differs between a file and a sample quoted out of its class.
    private static List<string> Lines(string text) =>
        [.. text.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    // How many of the sample's lines the file holds in order (lines in between, such as XML docs, may be left out).
    private static int Matched(List<string> sample, List<string> file)
    {
        var matched = 0;
        foreach (var line in file)
        {
            if (matched < sample.Count && line == sample[matched])
            {
                matched++;
            }
        }

        return matched;
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EnterpriseEval.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EnterpriseEval.sln not found above " + AppContext.BaseDirectory);
    }
}
