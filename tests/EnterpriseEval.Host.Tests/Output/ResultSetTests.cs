using System.Security.Cryptography;
using EnterpriseEval.Host.Tests.Support;

namespace EnterpriseEval.Host.Tests.Output;

/// <summary>
/// docs/security.md, "Atomic result sets": whatever happens to a run of <c>eeval screen</c> — killed while screening,
/// between writing and publishing, between publishing and cleaning up — the output folder holds a complete set of the
/// four files, the previous run's or the new one's, never a mix; files of the HR officer's own in it survive.
/// </summary>
public sealed class ResultSetTests
{
    private static readonly string Demo = RepoPaths.Sample("rosters/demo");
    private static readonly string[] Files = ["decisions.csv", "decisions.json", "equivalences.csv", "rejects.csv"];

    [Theory]
    [InlineData("staged")]
    [InlineData("exchanged")]
    public async Task A_run_killed_while_publishing_leaves_a_whole_set_old_or_new(string step)
    {
        using var root = new TempFolder();
        var (previous, next) = await TwoSets(root);
        var output = Path.Combine(root.Path, "out");
        await Screen(output, "2025-12-31");
        await File.WriteAllTextAsync(Path.Combine(output, "备注.txt"), "人事处的说明");

        using var run = EevalProcess.Start(Args(output, "2026-12-31"), new Dictionary<string, string> { ["EEVAL_TEST_KILL_AT"] = step });
        var exit = await EevalProcess.WaitAsync(run);

        Assert.NotEqual(0, exit);
        var found = SetIn(output);
        Assert.Equal(step == "staged" ? previous : next, found);
        Assert.Equal("人事处的说明", await File.ReadAllTextAsync(Path.Combine(output, "备注.txt")));
    }

    [Fact]
    public async Task A_run_killed_at_any_moment_leaves_a_whole_set_old_or_new()
    {
        using var root = new TempFolder();
        var (previous, next) = await TwoSets(root);
        var output = Path.Combine(root.Path, "out");
        await Screen(output, "2025-12-31");

        // Bounded: eight runs, each killed a little later than the one before, the last left to finish.
        var seenNew = false;
        for (var i = 0; i < 8; i++)
        {
            using var run = EevalProcess.Start(Args(output, "2026-12-31"));
            var delay = TimeSpan.FromMilliseconds(150 * i);
            if (i < 7 && !run.WaitForExit(delay))
            {
                run.Kill();
            }

            await EevalProcess.WaitAsync(run);
            var found = SetIn(output);
            Assert.True(found == previous || found == next, $"after a kill at {delay.TotalMilliseconds} ms the folder holds a mixed set");
            seenNew |= found == next;
        }

        Assert.True(seenNew, "the run that was not killed published its set");
        Assert.Empty(Directory.GetDirectories(root.Path, ".out.eeval-staging-*"));
    }

    // The set each of the two runs publishes, made in folders of their own.
    private static async Task<(string Previous, string Next)> TwoSets(TempFolder root)
    {
        var a = Path.Combine(root.Path, "a");
        var b = Path.Combine(root.Path, "b");
        await Screen(a, "2025-12-31");
        await Screen(b, "2026-12-31");
        var previous = SetIn(a);
        var next = SetIn(b);
        Assert.NotEqual(previous, next);
        return (previous, next);
    }

    private static async Task Screen(string output, string asOf)
    {
        var run = await CliRun.Of([.. Args(output, asOf)]);
        Assert.True(run.ExitCode == 0, run.Output);
    }

    private static string[] Args(string output, string asOf) =>
        ["screen", "--roster", Demo, "--as-of", asOf, "--out", output];

    // One hash over the four files; a missing file makes a set that equals neither.
    private static string SetIn(string folder) => string.Join(
        ",",
        Files.Select(f => Path.Combine(folder, f))
            .Select(p => File.Exists(p) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p))) : "missing"));
}
