using EnterpriseEval.Host.Tests.Support;

namespace EnterpriseEval.Host.Tests.Commands;

/// <summary>
/// Issue #18 "One stray quote loses 55 employees": an unbalanced <c>"</c> in row 21 of the demo's employees.csv used to
/// swallow the next 55 employees into one rejected row (summary: 读取员工 20), and their rows in every other file were
/// rejected as unknown. Now that row alone is rejected, naming the unclosed quote, and every other employee is decided
/// as in the clean demo (docs/roster.md, Bad input).
/// </summary>
public sealed class UnclosedQuoteScreeningTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(100_000)]
    public async Task A_stray_quote_in_row_21_of_the_demo_costs_that_employee_only(int chunkSize)
    {
        using var roster = new TempFolder();
        using var clean = new TempFolder();
        using var broken = new TempFolder();
        foreach (var file in Directory.GetFiles(RepoPaths.Sample("rosters/demo"), "*.csv"))
        {
            File.Copy(file, roster.File(Path.GetFileName(file)));
        }

        var lines = File.ReadAllLines(roster.File("employees.csv"));
        var id = lines[20].Split(',')[0];
        lines[20] = lines[20].Replace(",王涛,", ",王\"涛,", StringComparison.Ordinal);
        File.WriteAllLines(roster.File("employees.csv"), lines);

        var cleanRun = await Screen(RepoPaths.Sample("rosters/demo"), clean.Path, chunkSize);
        var run = await Screen(roster.Path, broken.Path, chunkSize);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"读取员工\s*│\s*75", run.Output);
        Assert.Matches(@"参加筛查员工\s*│\s*73", run.Output);
        Assert.Matches(@"参加筛查员工\s*│\s*74", cleanRun.Output);
        Assert.Equal(
            File.ReadLines(clean.File("decisions.csv")).Where(l => !l.StartsWith(id + ",", StringComparison.Ordinal)),
            File.ReadLines(broken.File("decisions.csv")).Where(l => !l.StartsWith(id + ",", StringComparison.Ordinal)));
        var added = File.ReadLines(broken.File("rejects.csv")).Except(File.ReadLines(clean.File("rejects.csv"))).ToList();
        Assert.StartsWith("employees.csv,21,name,\"王\"\"涛\",\"此列的英文双引号（\"\"）没有配对", added[0], StringComparison.Ordinal);
        Assert.All(added.Skip(1), line => Assert.Contains($",{id},该员工的 employees.csv 记录已被拒收（第 21 行）", line, StringComparison.Ordinal));
        Assert.Empty(File.ReadLines(clean.File("rejects.csv")).Except(File.ReadLines(broken.File("rejects.csv"))));
    }

    private static Task<CliRun> Screen(string roster, string output, int chunkSize) =>
        CliRun.Of(
            ["screen", "--roster", roster, "--as-of", "2026-12-31", "--out", output],
            b => b.Configuration["EnterpriseEval:Screening:ChunkSize"] = chunkSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
