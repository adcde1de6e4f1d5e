using System.Text.Json;
using EnterpriseEval.Host.Tests.Support;
using nietras.SeparatedValues;

namespace EnterpriseEval.Host.Tests.Commands;

/// <summary>
/// The series of a title decision as the files show it (docs/rules.md "The series of a title path"): an occupation with
/// no declared 专业对应关系 (96号 二（一）) gets an empty <c>target_series</c> and <c>needs_review</c>, never 工程; a
/// correspondence in the configuration file wins over the SDK's default data file.
/// </summary>
public sealed class OccupationSeriesOutputTests
{
    [Fact]
    public async Task An_undeclared_occupation_has_an_empty_series_column_and_needs_review()
    {
        using var roster = Roster();
        using var outDir = new TempFolder();

        var run = await CliRun.Of(["screen", "--roster", roster.Path, "--as-of", "2026-12-31", "--out", outDir.Path]);

        Assert.Equal(0, run.ExitCode);
        var rows = Intermediate(outDir.File("decisions.csv"));
        Assert.Equal(("", "needs_review"), (rows["C001"].Series, rows["C001"].Outcome));
        Assert.Contains("职业工种“中式烹调师”未声明对应的职称系列", rows["C001"].Reasons, StringComparison.Ordinal);
        Assert.Equal(("engineering", "eligible"), (rows["T001"].Series, rows["T001"].Outcome));

        using var json = JsonDocument.Parse(File.ReadAllBytes(outDir.File("decisions.json")));
        var cook = json.RootElement.GetProperty("decisions").EnumerateArray()
            .First(d => d.GetProperty("employee_id").GetString() == "C001");
        Assert.Equal("", cook.GetProperty("target_series").GetString());
    }

    [Fact]
    public async Task A_correspondence_in_the_configuration_file_wins_over_the_default()
    {
        using var roster = Roster();
        using var outDir = new TempFolder();
        using var configDir = new TempFolder();
        var config = configDir.File("series.json");
        File.WriteAllText(config, """
            { "EnterpriseEval": { "Policy": { "OccupationSeries": { "中式烹调师": "工艺美术/烹饪艺术", "车工": "" } } } }
            """);

        var run = await CliRun.Of(["screen", "--roster", roster.Path, "--config", config, "--as-of", "2026-12-31", "--out", outDir.Path]);

        Assert.Equal(0, run.ExitCode);
        var rows = Intermediate(outDir.File("decisions.csv"));
        Assert.Equal(("arts_crafts", "eligible"), (rows["C001"].Series, rows["C001"].Outcome));
        Assert.Contains("按所配置的专业对应关系，中式烹调师对应工艺美术系列烹饪艺术专业", rows["C001"].Reasons, StringComparison.Ordinal);
        Assert.Equal(("", "needs_review"), (rows["T001"].Series, rows["T001"].Outcome));
    }

    [Fact]
    public async Task A_plugins_correspondence_with_its_specialty_wins_over_the_default()
    {
        // ganpower-supply maps 配电线路工 to 工程/输配电工程 (IPluginBuilder.MapOccupation); the default file says 电气工程.
        using var outDir = new TempFolder();

        var run = await CliRun.Of(
        [
            "screen", "--roster", RepoPaths.Sample("rosters/ganpower"), "--plugins", Path.Combine(RepoPaths.Root, "artifacts", "plugins", "ganpower-supply"),
            "--config", RepoPaths.Sample("config/ganpower-supply.json"), "--as-of", "2026-12-31", "--out", outDir.Path,
        ]);

        Assert.True(run.ExitCode == 0, run.Output);
        var csv = File.ReadAllText(outDir.File("decisions.csv"));
        Assert.Contains("按所配置的专业对应关系，配电线路工对应工程系列输配电工程专业", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("配电线路工对应工程系列电气工程专业", csv, StringComparison.Ordinal);
    }

    private static Dictionary<string, (string Series, string Outcome, string Reasons)> Intermediate(string decisions)
    {
        using var csv = Sep.Reader().FromFile(decisions);
        return csv.Enumerate(r => (
                Id: r["employee_id"].ToString(), Path: r["path"].ToString(), Level: r["target_level"].ToString(),
                Series: r["target_series"].ToString(), Outcome: r["outcome"].ToString(), Reasons: r["reasons"].ToString()))
            .Where(r => r.Path == "skill_to_title" && r.Level == "intermediate")
            .ToDictionary(r => r.Id, r => (r.Series, r.Outcome, r.Reasons));
    }

    // A 中式烹调师 技师 and a 车工 技师, both with the years and the assessments of 96号 二（二）1.
    private static TempFolder Roster()
    {
        var folder = new TempFolder();
        File.WriteAllText(folder.File("employees.csv"), """
            employee_id,name,hire_date,post,post_category,frontline,occupation
            C001,王厨,2010-07-01,厨师,skill,yes,中式烹调师
            T001,李车,2010-07-01,车工,skill,yes,车工

            """);
        File.WriteAllText(folder.File("skill_certificates.csv"), """
            employee_id,occupation,level,certificate_no,issued_on,kind,status
            C001,中式烹调师,technician,JN-C001,2018-01-01,skill_level,valid
            T001,车工,technician,JN-T001,2018-01-01,skill_level,valid

            """);
        File.WriteAllText(folder.File("assessments.csv"), """
            employee_id,year,result
            C001,2023,qualified
            C001,2024,qualified
            C001,2025,qualified
            T001,2023,qualified
            T001,2024,qualified
            T001,2025,qualified

            """);
        return folder;
    }
}
