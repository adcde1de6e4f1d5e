using System.Globalization;
using EnterpriseEval.Runtime.Plugins;
using EnterpriseEval.Runtime.Review;
using EnterpriseEval.Runtime.Roster;
using EnterpriseEval.Runtime.Roster.Sources;
using EnterpriseEval.Runtime.Tests.Support;
using MiniExcelLibs;

namespace EnterpriseEval.Runtime.Tests.Excel;

public sealed class XlsxRosterTests : IDisposable
{
    private static readonly Dictionary<string, string> ChineseSheets = new()
    {
        ["employees"] = "员工", ["skill_certificates"] = "技能证书", ["titles"] = "职称", ["assessments"] = "年度考核",
        ["honours"] = "荣誉", ["achievements"] = "业绩成果", ["applications"] = "申报",
    };

    private readonly string _folder = Directory.CreateTempSubdirectory("eeval-xlsx-roster-").FullName;

    [Theory]
    [InlineData("ganpower", true)]
    [InlineData("demo", false)]
    public void The_same_roster_as_a_workbook_gives_identical_decisions(string sample, bool chineseSheetNames)
    {
        var csv = SamplePath(sample);
        var workbook = Path.Combine(_folder, sample + ".xlsx");
        ToWorkbook(csv, workbook, chineseSheetNames);

        var fromCsv = RosterReader.ReadFolder(csv);
        var fromXlsx = RosterReader.ReadFolder(workbook);

        Assert.Equal(fromCsv.Records.Count, fromXlsx.Records.Count);
        // Rejected rows stay rejected (the demo's row with a stray comma loses its extra field in the conversion, so
        // its reason differs; the row numbers do not).
        Assert.Equal(fromCsv.Rejects.Select(r => r.Row), fromXlsx.Rejects.Select(r => r.Row));
        Assert.Equal(Decisions(fromCsv), Decisions(fromXlsx));
    }

    // docs/rules.md "Which decisions are made": a workbook's 申报 sheet makes the roster one with applications, as
    // applications.csv does; only the applicants are screened.
    [Fact]
    public void A_workbook_with_an_applications_sheet_screens_the_applicants_only()
    {
        var csv = Directory.CreateDirectory(Path.Combine(_folder, "with-applications")).FullName;
        foreach (var file in Directory.GetFiles(SamplePath("ganpower"), "*.csv"))
        {
            File.Copy(file, Path.Combine(csv, Path.GetFileName(file)));
        }

        File.WriteAllLines(Path.Combine(csv, "applications.csv"), ["employee_id,path,target_level", "GP0002,skill_to_title,intermediate"]);
        var workbook = Path.Combine(_folder, "with-applications.xlsx");
        ToWorkbook(csv, workbook, chineseSheetNames: true);

        var fromXlsx = RosterReader.ReadFolder(workbook);
        var decisions = Decisions(fromXlsx);

        Assert.True(fromXlsx.HasApplications);
        Assert.Equal(["GP0002/intermediate"], decisions.Select(d => $"{d.EmployeeId}/{d.TargetLevel}"));
        Assert.Equal(Decisions(RosterReader.ReadFolder(csv)), decisions);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static List<StoredDecision> Decisions(RosterReadResult roster) =>
        [.. DecisionRecord.FromResult(PluginRun.Screen(PluginSet.Empty, roster.Records, Employees.AsOf), 0)];

    /// <summary>Writes each CSV as a sheet, with dates as date cells and whole numbers as number cells, as HR exports do.</summary>
    private static void ToWorkbook(string folder, string path, bool chineseSheetNames)
    {
        var source = new CsvFolderSource(folder);
        var sheets = new Dictionary<string, object>();
        foreach (var name in source.TableNames)
        {
            using var table = source.Open(name);
            var rows = new List<Dictionary<string, object?>>();
            while (table.MoveNext())
            {
                var row = new Dictionary<string, object?>();
                for (var i = 0; i < table.Header.Count; i++)
                {
                    row[table.Header[i]] = i < table.FieldCount ? Cell(table.Field(i).ToString()) : null;
                }

                rows.Add(row);
            }

            sheets[chineseSheetNames ? ChineseSheets.GetValueOrDefault(name, name) : name] = rows;
        }

        MiniExcel.SaveAs(path, sheets);
    }

    private static object? Cell(string text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : text.Length is > 0 and < 6 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : text;

    private static string SamplePath(string sample)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EnterpriseEval.sln")))
            {
                return Path.Combine(dir.FullName, "samples", "rosters", sample);
            }
        }

        throw new InvalidOperationException("EnterpriseEval.sln not found.");
    }
}
