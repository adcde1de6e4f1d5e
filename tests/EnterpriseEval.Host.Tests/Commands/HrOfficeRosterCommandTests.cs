using System.Text;
using EnterpriseEval.Host.Tests.Support;

namespace EnterpriseEval.Host.Tests.Commands;

/// <summary>
/// Issue #19, "Paths and options": <c>--roster …/employees.csv</c> means its folder, <c>--as-of</c> takes dates as a
/// roster writes them, and the summary says which files were read as GB18030 and which tables had no rows.
/// </summary>
public sealed class HrOfficeRosterCommandTests
{
    private static readonly string Demo = RepoPaths.Sample("rosters/demo");

    [Theory]
    [InlineData("2026/12/31")]
    [InlineData("2026年12月31日")]
    [InlineData("２０２６－１２－３１")]
    public async Task A_roster_file_and_a_Chinese_cut_off_date_screen_as_the_folder_and_the_ISO_date_do(string asOf)
    {
        using var folder = new TempFolder();
        using var file = new TempFolder();

        var plain = await CliRun.Of(["screen", "--roster", Demo, "--as-of", "2026-12-31", "--out", folder.Path]);
        var written = await CliRun.Of(["screen", "--roster", Path.Combine(Demo, "employees.csv"), "--as-of", asOf, "--out", file.Path]);

        Assert.Equal((0, 0), (plain.ExitCode, written.ExitCode));
        Assert.Contains("截止日期 2026年12月31日", written.Output);
        Assert.Equal(File.ReadAllText(folder.File("decisions.csv")), File.ReadAllText(file.File("decisions.csv")));
    }

    [Theory]
    [InlineData("screen", "--as-of", "2026年12月", "日期只写到月份")]
    [InlineData("screen", "--as-of", "31/12/2026", "格式应为 YYYY-MM-DD（也可写作 2026/12/31、2026.12.31 或 2026年12月31日）")]
    [InlineData("notices", "--issued-on", "2026.13.01", "日期不存在")]
    public async Task A_date_option_that_is_no_date_is_refused_in_Chinese_naming_the_option(string command, string option, string value, string reason)
    {
        using var outDir = new TempFolder();

        string[] kind = command == "notices" ? ["--kind", "post_equivalence_notice"] : [];
        var run = await CliRun.Of([command, "--roster", Demo, .. kind, option, value, "--out", outDir.Path]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains($"{option} 的日期无法识别：{value}", run.Output);
        Assert.Contains(reason, run.Output);
    }

    [Fact]
    public async Task The_summary_names_the_files_read_as_GB18030_and_the_tables_without_rows()
    {
        using var roster = new TempFolder();
        using var outDir = new TempFolder();
        var gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;
        foreach (var file in Directory.GetFiles(Demo, "*.csv"))
        {
            File.WriteAllBytes(roster.File(Path.GetFileName(file)), gb18030.GetBytes(File.ReadAllText(file)));
        }

        File.WriteAllText(roster.File("honours.csv"), "employee_id,kind,awarded_on\n");

        var run = await CliRun.Of(["screen", "--roster", roster.Path, "--as-of", "2026-12-31", "--out", outDir.Path]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("achievements.csv、employees.csv、skill_certificates.csv、titles.csv 不是 UTF-8 编码，已按 GB18030（GBK）编码读入", Flat(run.Output));
        Assert.Contains("honours.csv 只有表头，没有数据行", Flat(run.Output));
    }

    [Fact]
    public async Task Review_screen_imports_a_GB18030_roster_named_by_a_Chinese_file_and_says_so()
    {
        using var dir = new TempFolder();
        var roster = Directory.CreateDirectory(dir.File("花名册")).FullName;
        var gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;
        foreach (var file in Directory.GetFiles(RepoPaths.Sample("rosters/ganpower"), "*.csv"))
        {
            var name = Path.GetFileName(file) == "employees.csv" ? "员工.csv" : Path.GetFileName(file);
            File.WriteAllBytes(Path.Combine(roster, name), gb18030.GetBytes(File.ReadAllText(file)));
        }

        var store = dir.File("review.db");
        string[] batch = ["--store", store, "--batch", "2026-工程"];
        var created = await CliRun.Of([
            "review", "new", .. batch, "--year", "2026", "--series", "工程", "--levels", "助理级,中级", "--as-of", "2026年12月31日",
            "--plugins", Path.Combine(RepoPaths.Root, "artifacts", "plugins", "ganpower-supply"), "--config", RepoPaths.Sample("review/review.json"),
        ]);
        var screened = await CliRun.Of(["review", "screen", .. batch, "--roster", Path.Combine(roster, "员工.csv")]);

        Assert.True(created.ExitCode == 0, created.Output);
        Assert.True(screened.ExitCode == 0, screened.Output);
        Assert.Contains("员工.csv", Flat(screened.Output));
        Assert.Contains("不是 UTF-8 编码，已按 GB18030（GBK）编码读入", Flat(screened.Output));
    }

    // The console wraps long lines: compare without the breaks.
    private static string Flat(string output) => output.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
}
