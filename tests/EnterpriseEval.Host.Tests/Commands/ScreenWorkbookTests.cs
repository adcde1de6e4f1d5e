using EnterpriseEval.Host.Tests.Support;
using MiniExcelLibs;

namespace EnterpriseEval.Host.Tests.Commands;

/// <summary><c>eeval screen</c> on workbooks as HR offices save them (docs/roster.md, Workbooks).</summary>
public sealed class ScreenWorkbookTests
{
    [Fact]
    public async Task A_lone_Sheet1_under_a_title_row_is_screened_and_the_summary_says_how_it_was_read()
    {
        using var folder = new TempFolder();
        var workbook = folder.File("花名册.xlsx");
        object?[][] rows =
        [
            ["江西某某公司2026年职称申报花名册", null, null, null, null],
            ["工号", "姓名", "入职日期", "岗位类别", "是否一线"],
            ["E1", "甲", new DateTime(2015, 3, 1), "技能", "是"],
        ];
        MiniExcel.SaveAs(workbook, rows.Select(r => r.Select((v, i) => (i, v)).ToDictionary(c => $"c{c.i}", c => c.v)), printHeader: false, sheetName: "Sheet1");

        var run = await CliRun.Of(["screen", "--roster", workbook, "--as-of", "2026-12-31", "--out", folder.File("out")]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("提示：花名册.xlsx：没有名为 employees 或 员工 的工作表，工作表“Sheet1”的表头含员工表的全部必需列，已按员工表读取", run.Output);
        Assert.Contains("提示：花名册.xlsx/Sheet1：表头在第 2 行，其上的第 1 行（江西某某公司2026年职称申报花名册）作为标题跳过", run.Output);
        Assert.Matches(@"读取员工\s*│\s*1\s*│", run.Output);
        Assert.Single(File.ReadLines(folder.File("out/rejects.csv")));
    }

    [Fact]
    public async Task A_workbook_without_an_employees_sheet_is_refused_with_the_sheets_it_has()
    {
        using var folder = new TempFolder();
        var workbook = folder.File("花名册.xlsx");
        MiniExcel.SaveAs(workbook, new[] { new Dictionary<string, object?> { ["姓名"] = "甲" } }, sheetName: "Sheet1");

        var run = await CliRun.Of(["screen", "--roster", workbook, "--as-of", "2026-12-31", "--out", folder.File("out")]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("花名册工作簿 花名册.xlsx 中没有员工表。工作簿中的工作表：“Sheet1”。", run.Output);
        Assert.Contains("请将员工表的工作表命名为“员工”或“employees”", run.Output);
    }
}
