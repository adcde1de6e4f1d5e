using System.Globalization;
using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Workflow.Review;
using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Engine.Roster.Sources;
using EnterpriseEval.Engine.Tests.Support;
using MiniExcelLibs;
using EnterpriseEval.Workflow.Excel;

namespace EnterpriseEval.Engine.Tests.Excel;

public sealed class XlsxRosterTests : IDisposable
{
    private static readonly Dictionary<string, string> ChineseSheets = new()
    {
        ["employees"] = "员工", ["skill_certificates"] = "技能证书", ["titles"] = "职称", ["assessments"] = "年度考核",
        ["honours"] = "荣誉", ["achievements"] = "业绩成果", ["applications"] = "申报", ["work_periods"] = "工作经历",
    };

    /// <summary>The title row and the blank row above every header of the workbook saved as an HR office saves it.</summary>
    private const int TitleRows = 2;

    private readonly string _folder = Directory.CreateTempSubdirectory("eeval-xlsx-roster-").FullName;

    [Theory]
    [InlineData("ganpower", true)]
    [InlineData("demo", false)]
    public void The_same_roster_as_a_workbook_gives_identical_decisions(string sample, bool chineseSheetNames)
    {
        var csv = SamplePath(sample);
        var workbook = Path.Combine(_folder, sample + ".xlsx");
        ToWorkbook(csv, workbook, chineseSheetNames);

        var fromCsv = HostRoster.ReadFolder(csv);
        var fromXlsx = HostRoster.ReadFolder(workbook);

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

        var fromXlsx = HostRoster.ReadFolder(workbook);
        var decisions = Decisions(fromXlsx);

        Assert.True(fromXlsx.HasApplications);
        Assert.Equal(["GP0002/intermediate"], decisions.Select(d => $"{d.EmployeeId}/{d.TargetLevel}"));
        Assert.Equal(Decisions(HostRoster.ReadFolder(csv)), decisions);
    }

    /// <summary>
    /// Issue #19 acceptance: the demo roster saved as an HR office saves it — Chinese sheet names and headers, a title
    /// 「江西某某公司2026年职称申报花名册」 merged across the top of every sheet above a blank row, the department, the post
    /// (职务) and the post category merged down the rows of the employees that share them, and each employee's 工号
    /// merged down their rows in every other sheet — gives exactly the decisions of the same data as a plain workbook
    /// and as the CSV folder, with every reject on its real spreadsheet row.
    /// </summary>
    [Fact]
    public void A_workbook_with_merged_cells_and_a_title_row_gives_exactly_the_decisions_of_its_clean_twin()
    {
        var csv = SamplePath("demo");
        var clean = Path.Combine(_folder, "clean.xlsx");
        var asSaved = Path.Combine(_folder, "as-saved.xlsx");
        ToWorkbook(csv, clean, chineseSheetNames: false);
        var merges = ToWorkbookAsSaved(csv, asSaved);

        var fromCsv = HostRoster.ReadFolder(csv);
        var fromClean = HostRoster.ReadFolder(clean);
        var fromSaved = HostRoster.ReadFolder(asSaved);

        // The departments really are merged: without spreading them, most employees would have none.
        Assert.True(merges > 50, $"only {merges} merged ranges");
        Assert.Equal(Decisions(fromClean), Decisions(fromSaved));
        Assert.Equal(Decisions(fromCsv), Decisions(fromSaved));
        Assert.Equal(
            fromCsv.Records.Select(r => (r.Employee.EmployeeId, r.Employee.Department, r.Employee.Post, r.Assessments.Count)),
            fromSaved.Records.Select(r => (r.Employee.EmployeeId, r.Employee.Department, r.Employee.Post, r.Assessments.Count)));
        Assert.NotEmpty(fromClean.Rejects);
        Assert.Equal(
            fromClean.Rejects.Select(r => (ChineseSheets[r.File.Split('/')[1]], r.Row + TitleRows, r.Value)),
            fromSaved.Rejects.Select(r => (r.File.Split('/')[1], r.Row, r.Value)));
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

    /// <summary>
    /// Writes each CSV as a sheet the way an HR office saves one (see the test above); returns how many ranges were
    /// merged in all. Cells inside a merged range other than its top-left are left empty, as Excel leaves them.
    /// </summary>
    private static int ToWorkbookAsSaved(string folder, string path)
    {
        var source = new CsvFolderSource(folder);
        var workbook = new TestWorkbook();
        var merged = 0;
        foreach (var name in source.TableNames)
        {
            using var table = source.Open(name);
            var schema = XlsxWorkbookSource.Tables.Single(t => t.Schema.Name == name).Schema;
            var header = table.Header.Select(h => schema.Columns.FirstOrDefault(c => c.Matches(h))?.ChineseName ?? h).ToArray();
            var data = new List<string[]>();
            while (table.MoveNext())
            {
                data.Add([.. Enumerable.Range(0, header.Length).Select(i => i < table.FieldCount ? table.Field(i).ToString() : "")]);
            }

            string[] mergedColumns = name == "employees" ? ["部门", "岗位", "岗位类别"] : ["工号"];
            var merges = new List<string> { $"A1:{TestWorkbook.Column(header.Length - 1)}1" };
            var rows = data.Select(r => r.Select(Cell).ToArray()).ToList();
            foreach (var column in mergedColumns.Select(c => Array.IndexOf(header, c)))
            {
                for (var first = 0; first < data.Count;)
                {
                    var last = first;
                    while (last + 1 < data.Count && data[first][column].Length > 0 && data[last + 1][column] == data[first][column])
                    {
                        rows[++last][column] = null;
                    }

                    if (last > first)
                    {
                        // Data row i is spreadsheet row TitleRows + 2 + i (the header is row TitleRows + 1).
                        var letter = TestWorkbook.Column(column);
                        merges.Add($"{letter}{TitleRows + 2 + first}:{letter}{TitleRows + 2 + last}");
                    }

                    first = last + 1;
                }
            }

            merged += merges.Count - 1;
            workbook.MergedSheet(
                ChineseSheets[name],
                [["江西某某公司2026年职称申报花名册"], [], [.. header], .. rows],
                merges);
        }

        workbook.Save(path);
        return merged;
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
