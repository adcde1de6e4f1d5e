using System.Text.Json;
using EnterpriseEval.Host.Tests.Support;
using nietras.SeparatedValues;

namespace EnterpriseEval.Host.Tests.Output;

/// <summary>
/// docs/security.md, "Outputs" and "Privacy": what HR opens in a spreadsheet carries no live formula and no hidden
/// character, and <c>rejects.csv</c> shows no full 身份证号; <c>decisions.json</c> keeps the raw values.
/// </summary>
public sealed class OutputSafetyTests
{
    [Fact]
    public async Task Formulas_and_control_characters_from_the_roster_are_neutralised_in_the_csv_files_and_kept_raw_in_json()
    {
        using var roster = new TempFolder();
        using var outDir = new TempFolder();
        File.WriteAllLines(roster.File("employees.csv"), [
            "employee_id,name,id_number,hire_date,post_category,frontline,occupation",
            "E1,\"=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",,2010-03-01,skill,yes,车工",
            "E2,\"@SUM(1+1)\",,2010-03-01,skill,yes,\"-2+3\u001B[2J\"",
            "E3,\"王\u202E五\",,2010-03-01,skill,yes,车工",
            "E4,赵六,,+1,skill,yes,车工",
            "E5,\"\t=1+1\",,2010-03-01,skill,yes,车工",
        ]);
        File.WriteAllLines(roster.File("skill_certificates.csv"), [
            "employee_id,occupation,level,certificate_no,issued_on,kind,status",
            "E1,车工,senior_worker,=1+1,2015-06-01,qualification,valid",
            "E2,\"-2+3\u001B[2J\",senior_worker,C2,2015-06-01,qualification,valid",
            "E3,车工,senior_worker,C3,2015-06-01,qualification,valid",
        ]);

        var run = await CliRun.Of(["screen", "--roster", roster.Path, "--as-of", "2026-12-31", "--out", outDir.Path]);

        Assert.True(run.ExitCode == 0, run.Output);
        foreach (var file in new[] { "decisions.csv", "rejects.csv" })
        {
            using var csv = Sep.Reader().FromFile(outDir.File(file));
            foreach (var row in csv)
            {
                for (var i = 0; i < row.ColCount; i++)
                {
                    var cell = row[i].ToString();
                    Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r', $"{file}: live formula {cell}");
                    Assert.DoesNotContain(cell, c => char.IsControl(c) || c == '\u202E');
                }
            }
        }

        var decisions = File.ReadAllText(outDir.File("decisions.csv"));
        Assert.Contains("'=HYPERLINK", decisions);
        Assert.Contains("王\\u202E五", decisions);
        Assert.Contains("-2+3\\u001B[2J", decisions);
        Assert.Contains("'=1+1", decisions);
        Assert.Contains("'+1", File.ReadAllText(outDir.File("rejects.csv")));
        // The reader trims a leading tab; what is left must not become a live formula.
        Assert.DoesNotContain(",=1+1,", decisions);

        using var json = JsonDocument.Parse(File.ReadAllBytes(outDir.File("decisions.json")));
        var names = json.RootElement.GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("name").GetString()).ToList();
        Assert.Contains("=HYPERLINK(\"http://x\",\"点我\")", names);
        Assert.Contains("王\u202E五", names);
    }

    [Fact]
    public async Task Rejects_csv_masks_identity_numbers_in_bad_values_and_in_whole_rows()
    {
        using var roster = new TempFolder();
        using var outDir = new TempFolder();
        File.WriteAllLines(roster.File("employees.csv"), [
            "employee_id,name,id_number,hire_date,post_category,frontline,occupation",
            "E1,张三,360102197103080510,2010-03-01,skill,yes,车工",
            "E2,李四,36010219800517089X,2010-03-01,skill,yes,车工,多出来的一列",
        ]);

        var run = await CliRun.Of(["screen", "--roster", roster.Path, "--as-of", "2026-12-31", "--out", outDir.Path]);

        Assert.True(run.ExitCode == 0, run.Output);
        var rejects = File.ReadAllText(outDir.File("rejects.csv"));
        Assert.Contains("360102********0510", rejects);
        Assert.Contains("360102********089X", rejects);
        Assert.DoesNotContain("360102197103080510", rejects);
        Assert.DoesNotContain("36010219800517089X", rejects);
    }
}
