using EnterpriseEval.Host.Tests.Support;
using EnterpriseEval.Workflow.Generation;

namespace EnterpriseEval.Host.Tests.Commands;

public sealed class GenerateCommandTests
{
    [Fact]
    public async Task A_generated_roster_screens_with_both_plugins_and_rejects_only_the_planted_rows()
    {
        using var roster = new TempFolder();
        using var expected = new TempFolder();
        using var outDir = new TempFolder();

        var generate = await CliRun.Of(["generate", "--employees", "20000", "--seed", "7", "--out", roster.Path]);
        var screen = await CliRun.Of([
            "screen", "--roster", roster.Path, "--as-of", "2026-12-31", "--out", outDir.Path,
            "--plugins", Path.Combine(RepoPaths.Root, "artifacts", "plugins"),
        ]);
        var planted = RosterGenerator.Generate(new GenerationRequest(20_000, 7, expected.Path)).Planted;

        Assert.Equal(0, generate.ExitCode);
        Assert.Contains("花名册已生成", generate.Output);
        Assert.Equal(0, screen.ExitCode);
        Assert.Contains("ganjiang-heavy", screen.Output);
        Assert.Contains("ganpower-supply", screen.Output);
        Assert.Equal(File.ReadAllBytes(expected.File("employees.csv")), File.ReadAllBytes(roster.File("employees.csv")));
        var rejects = File.ReadLines(outDir.File("rejects.csv")).Skip(1).Select(line => line.Split(',')).Select(f => (f[0], int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(planted.Select(p => (p.File, p.Row)).Order(), rejects.Order());
        Assert.True(File.ReadLines(outDir.File("decisions.csv")).Count() > 5_000);
    }

    [Fact]
    public async Task Missing_employee_count_is_refused_in_Chinese()
    {
        using var roster = new TempFolder();

        var run = await CliRun.Of(["generate", "--out", roster.Path]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--employees", run.Output);
    }
}
