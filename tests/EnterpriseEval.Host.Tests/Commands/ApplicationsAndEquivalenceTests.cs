using EnterpriseEval.Host.Tests.Support;
using Microsoft.Data.Sqlite;
using nietras.SeparatedValues;

namespace EnterpriseEval.Host.Tests.Commands;

/// <summary>
/// Issue #19, defects 5 and 6, through the command line: a roster with applications screens those who applied and
/// nobody else (docs/rules.md "Which decisions are made"); a post equivalence the certificates held do not back is
/// needs_review, and the notices resting on it are held back (96/2.5).
/// </summary>
public sealed class ApplicationsAndEquivalenceTests
{
    private const string ApplicationsHeader = "employee_id,path,target_level,target_series,target_occupation";
    private const string Batch = "2026-工程";

    // docs/rules.md: 「With applications.csv every application row is screened on its own path and target, and nothing else.」
    [Fact]
    public async Task With_applications_csv_only_the_application_rows_are_decided_and_the_rest_are_counted_as_not_applied()
    {
        using var dir = new TempFolder();
        var roster = CopySample("rosters/demo", dir.File("roster"));
        File.WriteAllLines(Path.Combine(roster, "applications.csv"),
        [
            ApplicationsHeader,
            "HM0027,skill_to_title,intermediate,engineering,",
            "HM0016,skill_to_title,associate_senior,engineering,",
            "HM0016,green_channel,senior,engineering,",
        ]);
        var run = await CliRun.Of(["screen", "--roster", roster, "--as-of", "2026-12-31", "--out", dir.File("out")]);

        Assert.True(run.ExitCode == 0, run.Output);
        var rows = Rows(dir.File("out/decisions.csv"), r => $"{r["employee_id"]}/{r["path"]}/{r["target_level"]}");
        // In roster order (employees.csv), each employee's in application order.
        Assert.Equal(["HM0016/skill_to_title/associate_senior", "HM0016/green_channel/senior", "HM0027/skill_to_title/intermediate"], rows);
        Assert.Equal(3, File.ReadLines(dir.File("out/decisions.json")).Count(l => l.StartsWith("    {\"employee_id\":", StringComparison.Ordinal)));
        var plain = await CliRun.Of(["screen", "--roster", RepoPaths.Sample("rosters/demo"), "--as-of", "2026-12-31", "--out", dir.File("plain")]);
        var accepted = Count(plain.Output, "参加筛查员工");
        Assert.Equal(2, Count(run.Output, "参加筛查员工"));
        Assert.Equal(accepted - 2, Count(run.Output, "未申报、未筛查员工"));

        // Post equivalence (96/2.5) is not something one applies for: every active appointment is still written.
        Assert.Equal(6, File.ReadLines(dir.File("out/equivalences.csv")).Count());
    }

    [Fact]
    public async Task Screening_result_notices_go_to_those_who_applied_when_the_roster_has_applications()
    {
        using var dir = new TempFolder();
        var roster = CopySample("rosters/demo", dir.File("roster"));
        File.WriteAllLines(Path.Combine(roster, "applications.csv"), [ApplicationsHeader, "HM0027,skill_to_title,intermediate,engineering,"]);

        var run = await CliRun.Of(["notices", "--roster", roster, "--kind", "screening_result_notice", "--format", "md", "--as-of", "2026-12-31", "--out", dir.File("out")]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("screening_result_notice_0001_HM0027.md", Path.GetFileName(Assert.Single(Directory.GetFiles(dir.File("out"), "screening_result_notice_*.md"))));
    }

    // docs/roster.md: an applications table with a header and no rows is read as no applications, with a warning.
    [Fact]
    public async Task An_applications_csv_with_only_a_header_screens_every_path_and_warns()
    {
        using var dir = new TempFolder();
        var roster = CopySample("rosters/demo", dir.File("roster"));
        File.WriteAllLines(Path.Combine(roster, "applications.csv"), [ApplicationsHeader]);

        var run = await CliRun.Of(["screen", "--roster", roster, "--as-of", "2026-12-31", "--out", dir.File("out")]);
        var plain = await CliRun.Of(["screen", "--roster", RepoPaths.Sample("rosters/demo"), "--as-of", "2026-12-31", "--out", dir.File("plain")]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("警告：applications.csv 只有表头、没有申报行，按无申报处理", run.Output);
        Assert.DoesNotContain("未申报、未筛查员工", run.Output);
        Assert.Equal(File.ReadAllText(dir.File("plain/decisions.csv")), File.ReadAllText(dir.File("out/decisions.csv")));
    }

    // A review batch must not mix in people who never applied (issue #19, defect 5).
    [Fact]
    public async Task Review_screen_of_a_roster_with_applications_stores_the_applicants_decisions_only()
    {
        using var dir = new TempFolder();
        var roster = CopySample("rosters/ganpower", dir.File("roster"));
        File.WriteAllLines(Path.Combine(roster, "applications.csv"),
        [
            ApplicationsHeader,
            "GP0003,skill_to_title,assistant,engineering,",
            "GP0002,skill_to_title,intermediate,engineering,",
        ]);
        var store = dir.File("review.db");
        await Ok(
        [
            "review", "new", "--store", store, "--batch", Batch, "--year", "2026", "--series", "engineering",
            "--levels", "assistant,intermediate", "--plugins", Path.Combine(RepoPaths.Root, "artifacts", "plugins", "ganpower-supply"),
            "--config", RepoPaths.Sample("review/review.json"), "--user", "王审核",
        ]);

        var screen = await Ok(["review", "screen", "--store", store, "--batch", Batch, "--roster", roster, "--user", "王审核"]);

        Assert.Contains("2 条决策", screen);
        Assert.Contains("30 名员工未申报，未参加筛查，不进入本批次", screen);
        Assert.Equal(["GP0002/skill_to_title/intermediate", "GP0003/skill_to_title/assistant"], StoredDecisions(store));
        Assert.Contains("校验通过", await Ok(["review", "verify", "--store", store]));
        Assert.Contains("复现一致", await Ok(["review", "replay", "--store", store, "--batch", Batch]));
    }

    // 96/2.5 「在聘的……高级技师」: HM0026 is appointed 高级技师 but, without his 高级技师 certificate, holds only 技师.
    [Fact]
    public async Task An_appointment_not_backed_by_a_certificate_is_needs_review_in_equivalences_csv_with_the_reason()
    {
        using var dir = new TempFolder();
        var roster = Without("HM0026", "senior_technician", "rosters/demo", dir.File("roster"));

        var run = await CliRun.Of(["screen", "--roster", roster, "--as-of", "2026-12-31", "--out", dir.File("out")]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("其中岗位比照待复核", run.Output);
        var header = File.ReadLines(dir.File("out/equivalences.csv")).First().TrimStart('\uFEFF');
        Assert.Equal("employee_id,name,appointed_skill_level,equivalent_title_level,appointed_from,appointed_until,enterprise_grade,status,reason", header);
        var rows = Rows(dir.File("out/equivalences.csv"), r => (Id: r["employee_id"].ToString(), Status: r["status"].ToString(), Reason: r["reason"].ToString()));
        var hm0026 = Assert.Single(rows, r => r.Id == "HM0026");
        Assert.Equal("needs_review", hm0026.Status);
        Assert.Contains("未持有高级技师或以上等级的有效证书", hm0026.Reason, StringComparison.Ordinal);
        Assert.Contains("所持最高为技师", hm0026.Reason, StringComparison.Ordinal);
        Assert.All(rows.Where(r => r.Id != "HM0026"), r => Assert.Equal("confirmed", r.Status));
    }

    // 96/2.5: a post equivalence notice says the person 比照 a title level; not while that awaits review.
    [Fact]
    public async Task The_post_equivalence_notice_of_a_needs_review_equivalence_is_held_and_listed_as_to_review()
    {
        using var dir = new TempFolder();
        var roster = Without("HM0026", "senior_technician", "rosters/demo", dir.File("roster"));

        var run = await CliRun.Of(["notices", "--roster", roster, "--kind", "post_equivalence_notice", "--as-of", "2026-12-31", "--out", dir.File("out")]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("生成文书 4 份", run.Output);
        Assert.Contains("待复核 1 份未出具", run.Output);
        Assert.Empty(Directory.GetFiles(dir.File("out"), "post_equivalence_notice_*_HM0026.html"));
        var index = Rows(dir.File("out/index.csv"), r => (Id: r["employee_id"].ToString(), File: r["file"].ToString(), Status: r["status"].ToString(), Reason: r["reason"].ToString()));
        var held = Assert.Single(index, r => r.Id == "HM0026");
        Assert.Equal(("", "待复核"), (held.File, held.Status));
        Assert.Contains("未持有高级技师", held.Reason, StringComparison.Ordinal);
        Assert.Equal(4, index.Count(r => r.Status == "已出具" && r.Id.Length > 0));
    }

    // The pay items of 赣江重机's 第八条 rest on the appointment (96/2.5): held while the equivalence awaits review.
    // HM0027 is appointed 技师 (open-ended); without his 技师 certificate he holds only 高级工.
    [Fact]
    public async Task The_wage_notice_of_a_needs_review_equivalence_is_held_and_listed_as_to_review()
    {
        using var dir = new TempFolder();
        var roster = Without("HM0027", "technician", "rosters/ganjiang-heavy", dir.File("roster"));
        string[] Args(string rosterPath, string outDir) =>
        [
            "notices", "--roster", rosterPath, "--plugins", Path.Combine(RepoPaths.Root, "artifacts", "plugins", "ganjiang-heavy"),
            "--config", RepoPaths.Sample("config/ganjiang-heavy.json"), "--kind", "wage_notice", "--as-of", "2026-12-31", "--out", outDir,
        ];
        var before = await CliRun.Of(Args(roster, dir.File("before")));
        Assert.True(before.ExitCode == 0, before.Output);
        var run = await CliRun.Of(Args(RepoPaths.Sample("rosters/ganjiang-heavy"), dir.File("intact")));
        Assert.True(run.ExitCode == 0, run.Output);

        // The intact sample issues HM0027 a wage notice; without the certificate it is held.
        Assert.Single(Directory.GetFiles(dir.File("intact"), "wage_notice_*_HM0027.html"));
        Assert.Empty(Directory.GetFiles(dir.File("before"), "wage_notice_*_HM0027.html"));
        Assert.Contains("待复核 1 份未出具", before.Output);
        var held = Assert.Single(
            Rows(dir.File("before/index.csv"), r => (Id: r["employee_id"].ToString(), Status: r["status"].ToString())),
            r => r.Status == "待复核");
        Assert.Equal("HM0027", held.Id);
    }

    // samples/rosters/ganjiang-heavy has no applications.csv: every path is tried for everyone, nobody is left out, and
    // each of its five appointments is backed by a certificate of its level (96/2.5; 特级/首席技师 by 高级技师).
    [Fact]
    public async Task The_ganjiang_heavy_sample_has_no_applications_and_its_equivalences_are_all_confirmed()
    {
        using var outDir = new TempFolder();
        var sample = RepoPaths.Sample("rosters/ganjiang-heavy");
        Assert.Empty(Directory.GetFiles(sample, "applications.csv"));

        var run = await CliRun.Of(
        [
            "screen", "--roster", sample, "--plugins", Path.Combine(RepoPaths.Root, "artifacts", "plugins", "ganjiang-heavy"),
            "--config", RepoPaths.Sample("config/ganjiang-heavy.json"), "--as-of", "2026-12-31", "--out", outDir.Path,
        ]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.DoesNotContain("未申报", run.Output);
        Assert.DoesNotContain("待复核", run.Output);
        var equivalences = Rows(outDir.File("equivalences.csv"), r => (Id: r["employee_id"].ToString(), Status: r["status"].ToString(), Grade: r["enterprise_grade"].ToString()));
        Assert.Equal(["HM0003", "HM0004", "HM0016", "HM0026", "HM0027"], equivalences.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.All(equivalences, e => Assert.Equal("confirmed", e.Status));
        Assert.All(equivalences, e => Assert.StartsWith("T", e.Grade, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Review_verify_on_a_store_that_does_not_exist_is_an_error_naming_the_path_and_creates_nothing()
    {
        using var dir = new TempFolder();
        var missing = dir.File("no-such.db");

        var verify = await CliRun.Of(["review", "verify", "--store", missing]);
        var screen = await CliRun.Of(["review", "screen", "--store", missing, "--batch", Batch, "--roster", RepoPaths.Sample("rosters/ganpower")]);

        Assert.Equal(2, verify.ExitCode);
        Assert.Contains($"评审数据库不存在：{missing}", verify.Output);
        Assert.DoesNotContain("校验通过", verify.Output);
        Assert.Equal(2, screen.ExitCode);
        Assert.Contains("评审数据库不存在", screen.Output);
        Assert.False(File.Exists(missing));
    }

    /// <summary>The number in the summary table's row <paramref name="item"/>.</summary>
    private static int Count(string output, string item)
    {
        var row = output.Split('\n').Single(l => l.Contains($" {item} ", StringComparison.Ordinal) || l.Contains($"{item}（", StringComparison.Ordinal));
        return int.Parse(System.Text.RegularExpressions.Regex.Match(row, @"(\d[\d,]*)\s*│\s*$").Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string CopySample(string sample, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(RepoPaths.Sample(sample), "*.csv"))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    /// <summary>A copy of the sample without one certificate of one employee.</summary>
    private static string Without(string employeeId, string level, string sample, string target)
    {
        var roster = CopySample(sample, target);
        var certificates = Path.Combine(roster, "skill_certificates.csv");
        var lines = File.ReadAllLines(certificates);
        bool Drop(string l) => l.StartsWith($"{employeeId},", StringComparison.Ordinal) && l.Contains($",{level},", StringComparison.Ordinal);
        Assert.Single(lines, Drop);
        File.WriteAllLines(certificates, lines.Where(l => !Drop(l)));
        return roster;
    }

    private static List<T> Rows<T>(string file, Func<SepReader.Row, T> select)
    {
        using var csv = Sep.Reader().FromFile(file);
        return [.. csv.Enumerate(r => select(r))];
    }

    private static List<string> StoredDecisions(string store)
    {
        using var connection = new SqliteConnection($"Data Source={store};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT employee_id, path, target_level FROM decisions ORDER BY id";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add($"{reader.GetString(0)}/{reader.GetString(1)}/{reader.GetString(2)}");
        }

        return rows;
    }

    private static Task<string> Ok(string[] args) => CliRun.Ok(args);
}
