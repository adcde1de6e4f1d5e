using EnterpriseEval.Host.Tests.Support;

namespace EnterpriseEval.Host.Tests.Commands;

/// <summary>
/// The demo roster's README states every expected decision in a table; screening the roster must give exactly that
/// table, so the documentation a new user reads cannot drift from what the product does.
/// </summary>
public sealed class SampleReadmeTests
{
    [Fact]
    public async Task Screening_the_demo_roster_gives_exactly_the_decisions_its_README_lists()
    {
        using var outDir = new TempFolder();
        var run = await CliRun.Of(["screen", "--roster", RepoPaths.Sample("rosters/demo"), "--as-of", "2026-12-31", "--out", outDir.Path]);
        Assert.Equal(0, run.ExitCode);

        var expected = ExpectedRows(File.ReadAllLines(RepoPaths.Sample("rosters/demo/README.md")));
        var actual = File.ReadLines(outDir.File("decisions.csv")).Skip(1)
            .Select(ParseCsv)
            .Select(f => string.Join('|', f[0], f[2], f[3], f[4], f[5], f[6], f[7], f[9]))
            .ToList();

        Assert.True(expected.Count > 40, $"only {expected.Count} expected rows parsed from the README");
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }

    /// <summary>The rows of the README table whose header starts with 工号 | 姓名 | path.</summary>
    private static List<string> ExpectedRows(string[] lines)
    {
        var start = Array.FindIndex(lines, l => l.StartsWith("| 工号 | 姓名 | path |", StringComparison.Ordinal));
        Assert.True(start >= 0, "the README has no table of expected decisions");
        return [.. lines.Skip(start + 2)
            .TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim('|').Split('|').Select(c => c.Trim().Trim('`')).ToArray())
            .Select(c => string.Join('|', c[0], c[2], c[3], c[4], c[5], c[6], c[7], c[8]))];
    }

    /// <summary>Splits one line of decisions.csv (RFC 4180 quoting; the reasons column may hold commas).</summary>
    private static string[] ParseCsv(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
