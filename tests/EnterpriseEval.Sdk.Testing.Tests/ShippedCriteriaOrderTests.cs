using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Testing.Tests;

/// <summary>
/// The shipped criteria keep the last finding they made and hand it back when the next decision brings the same rows
/// (or achievements) and cut-off (BENCHMARKS.md, "Latest"): a finding must still be the employee's own whatever
/// employee came before, so the sample roster screened in reverse order gives every employee the same findings.
/// </summary>
public sealed class ShippedCriteriaOrderTests
{
    private static readonly string Repository = FindRepository();

    [Theory]
    [InlineData("ganjiang-heavy", "ganjiang-heavy")]
    [InlineData("ganpower-supply", "ganpower")]
    public void Every_employee_gets_the_same_plugin_findings_whichever_employee_was_screened_before(string plugin, string roster)
    {
        var asOf = new DateOnly(2026, 12, 31);
        var folder = Path.Combine(Repository, "samples", "rosters", roster);
        var reversed = Directory.CreateTempSubdirectory("eeval-order-").FullName;
        try
        {
            // The employees in reverse order; each employee's rows of the other files stay in file order (the order of
            // an employee's rows is theirs to keep: 带徒 names are listed in it).
            foreach (var file in Directory.EnumerateFiles(folder, "*.csv"))
            {
                File.Copy(file, Path.Combine(reversed, Path.GetFileName(file)));
            }

            var employees = File.ReadAllLines(Path.Combine(folder, "employees.csv"));
            File.WriteAllLines(Path.Combine(reversed, "employees.csv"), [employees[0], .. employees.Skip(1).Reverse()]);

            using var host = PluginTestHost.FromFolder(Path.Combine(Repository, "artifacts", "plugins", plugin));
            var inOrder = host.ScreenRoster(folder, asOf);
            var inReverse = host.ScreenRoster(reversed, asOf);

            var pluginFindings = 0;
            Assert.Equal(inOrder.Decisions.Count, inReverse.Decisions.Count);
            foreach (var id in inOrder.Decisions.Select(d => d.EmployeeId).Distinct())
            {
                var expected = Describe(inOrder.DecisionsFor(id));
                Assert.Equal(expected, Describe(inReverse.DecisionsFor(id)));
                pluginFindings += expected.Count(line => line.StartsWith("G", StringComparison.Ordinal));
            }

            // The sample rosters are there to show the plug-ins' criteria: many of their findings, met and not.
            Assert.True(pluginFindings > 10, $"only {pluginFindings} findings of {plugin}'s criteria");
        }
        finally
        {
            Directory.Delete(reversed, recursive: true);
        }
    }

    private static List<string> Describe(IEnumerable<Decision> decisions) =>
        [.. decisions
            .OrderBy(d => d.Path).ThenBy(d => d.TargetTitleLevel).ThenBy(d => d.TargetSkillLevel)
            .SelectMany(d => d.Findings.Select(f => $"{f.RuleId}|{d.Path}|{d.TargetTitleLevel}|{d.TargetSkillLevel}|{f.Kind}|{f.MetOn}|{f.Message}"))];

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
