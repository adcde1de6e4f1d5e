using EnterpriseEval.Engine.Tests.Support;
using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Engine.Roster.Sources;
using EnterpriseEval.Engine.Tests.Excel;
using EnterpriseEval.Workflow.Excel;

namespace EnterpriseEval.Engine.Tests.Roster.Sources;

/// <summary>Workbook sheets as HR offices save them (docs/roster.md, Workbooks): merged cells, title rows.</summary>
public sealed class XlsxSheetReaderTests : IDisposable
{
    private static readonly object?[] Header = ["工号", "姓名", "入职日期", "岗位类别", "是否一线", "部门", "岗位"];

    private readonly string _folder = Directory.CreateTempSubdirectory("eeval-xlsx-sheet-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_department_merged_down_the_rows_belongs_to_every_employee_of_the_range()
    {
        // 部门 (column F) merged over rows 2–4, 岗位 (G) over rows 3–4: only the top-left cell holds the value.
        var path = Save(new TestWorkbook().MergedSheet(
            "员工",
            [
                Header,
                ["E1", "甲", "2015-03-01", "skill", "yes", "铸造车间", "铸造工"],
                ["E2", "乙", "2016-03-01", "skill", "yes", null, "车工"],
                ["E3", "丙", "2017-03-01", "skill", "yes", null, null],
                ["E4", "丁", "2018-03-01", "skill", "yes", "机加车间", "钳工"],
            ],
            ["F2:F4", "G3:G4"]));

        using var sheet = new XlsxSheetReader(path, "员工");

        Assert.Equal([(2, "铸造车间", "铸造工"), (3, "铸造车间", "车工"), (4, "铸造车间", "车工"), (5, "机加车间", "钳工")], Rows(sheet, 5, 6));
    }

    [Fact]
    public void A_blank_row_inside_a_merged_range_stays_blank_instead_of_becoming_a_row_with_only_a_department()
    {
        var path = Save(new TestWorkbook().MergedSheet(
            "员工",
            [Header, ["E1", "甲", "2015-03-01", "skill", "yes", "铸造车间"], [], ["E2", "乙", "2016-03-01", "skill", "yes"]],
            ["F2:F4"]));

        var roster = HostRoster.ReadFolder(path);

        Assert.Equal(["铸造车间", "铸造车间"], roster.Records.Select(r => r.Employee.Department));
        Assert.Empty(roster.Rejects);
    }

    [Fact]
    public void A_title_row_merged_across_the_top_and_a_blank_row_are_skipped_and_rows_keep_their_spreadsheet_numbers()
    {
        var path = Save(new TestWorkbook().MergedSheet(
            "员工",
            [
                ["江西某某公司2026年职称申报花名册"],
                [],
                Header,
                ["E1", "甲", "2015-03-01", "skill", "yes", "铸造车间"],
                ["E2", "乙", "2016-03-01", "skill", "yes"],
            ],
            ["A1:G1", "F4:F5"]));

        using var sheet = new XlsxSheetReader(path, "员工");

        Assert.Equal(Header, sheet.Header);
        Assert.Equal(3, sheet.HeaderRow);
        Assert.Equal([(1, "江西某某公司2026年职称申报花名册"), (2, "")], sheet.SkippedRows);
        Assert.Equal([(4, "铸造车间", ""), (5, "铸造车间", "")], Rows(sheet, 5, 6));
    }

    [Fact]
    public void A_reject_below_a_title_row_names_the_sheet_the_real_row_and_the_column_as_written()
    {
        var path = Save(new TestWorkbook().MergedSheet(
            "员工",
            [
                ["江西某某公司2026年职称申报花名册"],
                Header,
                ["E1", "甲", "2015-03-01", "skill", "yes"],
                ["E2", "乙", "不详", "skill", "yes"],
            ],
            ["A1:G1"]));

        var reject = Assert.Single(HostRoster.ReadFolder(path).Rejects);

        Assert.Equal(("book.xlsx/员工", 4, "入职日期", "不详"), (reject.File, reject.Row, reject.Column, reject.Value));
    }

    [Fact]
    public void Without_a_工号_column_in_the_first_ten_rows_row_1_is_the_header_as_before()
    {
        var path = Save(new TestWorkbook().Sheet("备注", [["说明"], ["第一条"], ["第二条"]]));

        using var sheet = new XlsxSheetReader(path, "备注");

        Assert.Equal(["说明"], sheet.Header);
        Assert.Equal(1, sheet.HeaderRow);
        Assert.Empty(sheet.SkippedRows);
        Assert.True(sheet.MoveNext());
        Assert.Equal((2, "第一条"), (sheet.RowNumber, sheet.Field(0).ToString()));
        Assert.True(sheet.MoveNext());
        Assert.Equal((3, "第二条"), (sheet.RowNumber, sheet.Field(0).ToString()));
        Assert.False(sheet.MoveNext());
    }

    [Fact]
    public void A_header_below_the_first_ten_rows_is_not_looked_for_and_the_missing_工号_column_is_reported()
    {
        var rows = Enumerable.Range(1, XlsxSheetReader.HeaderSearchRows).Select(i => new object?[] { $"说明第 {i} 行" })
            .Append(Header)
            .Append(["E1", "甲", "2015-03-01", "skill", "yes"]);
        var path = Save(new TestWorkbook().Sheet("员工", [.. rows]));

        var error = Assert.Throws<RosterException>(() => HostRoster.ReadFolder(path));

        Assert.Equal("book.xlsx/员工 缺少必需列 employee_id（工号）", error.Message);
    }

    [Fact]
    public void The_header_row_itself_is_taken_as_written_even_where_a_header_cell_is_merged_across_columns()
    {
        // 「备注」 merged over G1:H1: spreading it would make two 备注 columns, which the reader refuses as a duplicate.
        var path = Save(new TestWorkbook().MergedSheet(
            "员工",
            [["工号", "姓名", "入职日期", "岗位类别", "是否一线", "部门", "备注"], ["E1", "甲", "2015-03-01", "skill", "yes", "铸造车间", "无"]],
            ["G1:H1"]));

        var roster = HostRoster.ReadFolder(path);

        Assert.Equal("无", Assert.Single(roster.Records).Employee.Extra["备注"]);
    }

    private string Save(TestWorkbook workbook)
    {
        var path = Path.Combine(_folder, "book.xlsx");
        workbook.Save(path);
        return path;
    }

    private static List<(int Row, string A, string B)> Rows(XlsxSheetReader sheet, int a, int b)
    {
        var rows = new List<(int, string, string)>();
        while (sheet.MoveNext())
        {
            rows.Add((sheet.RowNumber, sheet.Field(a).ToString(), sheet.Field(b).ToString()));
        }

        return rows;
    }
}
