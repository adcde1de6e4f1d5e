using EnterpriseEval.Host.Tests.Support;

namespace EnterpriseEval.Host.Tests.Commands;

/// <summary>
/// <c>eeval screen</c> reads a CSV roster a chunk of employees at a time when its tables follow employees.csv, and
/// whole when they do not: the files must not depend on which, nor on the chunk size.
/// </summary>
public sealed class StreamedScreeningTests
{
    private static readonly string[] Outputs = ["decisions.csv", "decisions.json", "equivalences.csv", "rejects.csv"];
    private static readonly string ShippedPlugins = Path.Combine(RepoPaths.Root, "artifacts", "plugins");

    [Fact]
    public async Task A_generated_roster_in_chunks_of_seven_gives_the_same_files_as_in_one_chunk_with_both_plugins()
    {
        using var roster = new TempFolder();
        using var small = new TempFolder();
        using var one = new TempFolder();
        await CliRun.Of(["generate", "--employees", "700", "--seed", "3", "--out", roster.Path]);

        var smallRun = await Screen(roster.Path, small.Path, chunkSize: 7, withPlugins: true);
        var oneRun = await Screen(roster.Path, one.Path, chunkSize: 100_000, withPlugins: true);

        Assert.Equal(0, smallRun.ExitCode);
        Assert.DoesNotContain("整体读入", smallRun.Output);
        AssertSameFiles(one, small, Outputs);
        Assert.Equal(oneRun.Output.Replace(one.Path, "OUT", StringComparison.Ordinal), smallRun.Output.Replace(small.Path, "OUT", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("rosters/demo", false, false)]
    [InlineData("rosters/ganjiang-heavy", true, false)]
    [InlineData("rosters/ganpower", true, true)]
    public async Task A_sample_in_chunks_of_three_gives_the_same_files_whether_it_streams_or_is_read_whole(
        string sample, bool withPlugins, bool inEmployeeOrder)
    {
        using var small = new TempFolder();
        using var one = new TempFolder();

        var smallRun = await Screen(RepoPaths.Sample(sample), small.Path, chunkSize: 3, withPlugins);
        var oneRun = await Screen(RepoPaths.Sample(sample), one.Path, chunkSize: 100_000, withPlugins);

        Assert.Equal(0, smallRun.ExitCode);
        // demo and ganjiang-heavy list rows grouped by test case, not by employee: streamed, a table goes back to an
        // employee already screened, and the roster is read whole.
        Assert.Equal(!inEmployeeOrder, smallRun.Output.Contains("花名册改为整体读入", StringComparison.Ordinal));
        Assert.DoesNotContain("整体读入", oneRun.Output);
        AssertSameFiles(one, small, Outputs);
        Assert.Empty(Directory.GetFiles(small.Path, "*.partial"));
    }

    [Fact]
    public async Task A_table_out_of_employee_order_is_read_whole_with_a_note_naming_it_and_gives_the_same_decisions()
    {
        using var roster = new TempFolder();
        using var sorted = new TempFolder();
        using var fromShuffled = new TempFolder();
        await CliRun.Of(["generate", "--employees", "300", "--seed", "9", "--out", roster.Path]);
        var sortedRun = await Screen(roster.Path, sorted.Path, chunkSize: 16, withPlugins: false);

        // Assessments listed from the last employee to the first, as a system sorting by something else might.
        var lines = File.ReadAllLines(roster.File("assessments.csv"));
        File.WriteAllLines(roster.File("assessments.csv"), [lines[0], .. lines.Skip(1).Reverse()]);
        var shuffledRun = await Screen(roster.Path, fromShuffled.Path, chunkSize: 16, withPlugins: false);

        Assert.DoesNotContain("整体读入", sortedRun.Output);
        Assert.Equal(0, shuffledRun.ExitCode);
        Assert.Contains("assessments.csv 中各员工的行与 employees.csv 的顺序不一致，花名册改为整体读入", shuffledRun.Output);
        AssertSameFiles(sorted, fromShuffled, ["decisions.csv", "decisions.json", "equivalences.csv"]);
        Assert.Empty(Directory.GetFiles(fromShuffled.Path, "*.partial"));
    }

    // docs/rules.md "Which decisions are made": whether the roster has applications is known before the first chunk,
    // so a streamed roster with applications leaves out those who did not apply in every chunk, as a whole read does.
    [Fact]
    public async Task A_roster_with_applications_streamed_in_chunks_of_seven_decides_the_application_rows_only()
    {
        using var roster = new TempFolder();
        using var small = new TempFolder();
        using var one = new TempFolder();
        await CliRun.Of(["generate", "--employees", "300", "--seed", "5", "--out", roster.Path]);
        var ids = File.ReadLines(roster.File("employees.csv")).Skip(1).Select(l => l.Split(',')[0]).ToList();
        var applicants = ids.Where((_, i) => i % 10 == 3).ToList();
        File.WriteAllLines(roster.File("applications.csv"), ["employee_id,path,target_level", .. applicants.Select(id => $"{id},skill_to_title,intermediate")]);

        var smallRun = await Screen(roster.Path, small.Path, chunkSize: 7, withPlugins: false);
        var oneRun = await Screen(roster.Path, one.Path, chunkSize: 100_000, withPlugins: false);

        Assert.Equal(0, smallRun.ExitCode);
        Assert.DoesNotContain("整体读入", smallRun.Output);
        AssertSameFiles(one, small, Outputs);
        var decided = File.ReadLines(small.File("decisions.csv")).Skip(1).Select(l => l.Split(',')[0]).ToList();
        Assert.Equal(applicants.Where(decided.Contains), decided);
        Assert.True(decided.Count > applicants.Count / 2, $"{decided.Count} of {applicants.Count} applicants decided");
        Assert.Contains("未申报、未筛查员工", smallRun.Output);
        Assert.Equal(oneRun.Output.Replace(one.Path, "OUT", StringComparison.Ordinal), smallRun.Output.Replace(small.Path, "OUT", StringComparison.Ordinal));
    }

    private static void AssertSameFiles(TempFolder expected, TempFolder actual, string[] files)
    {
        foreach (var file in files)
        {
            Assert.True(File.ReadAllBytes(expected.File(file)).AsSpan().SequenceEqual(File.ReadAllBytes(actual.File(file))), $"{file} differs");
        }
    }

    private static Task<CliRun> Screen(string roster, string output, int chunkSize, bool withPlugins)
    {
        string[] args = ["screen", "--roster", roster, "--as-of", "2026-12-31", "--out", output];
        return CliRun.Of(
            withPlugins ? [.. args, "--plugins", ShippedPlugins] : args,
            b => b.Configuration["EnterpriseEval:Screening:ChunkSize"] = chunkSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
