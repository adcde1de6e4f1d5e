using EnterpriseEval.Engine.Tests.Support;
using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Engine.Roster.Sources;
using EnterpriseEval.Engine.Tests.Excel;
using EnterpriseEval.Workflow.Excel;

namespace EnterpriseEval.Engine.Tests.Roster.Sources;

/// <summary>Which sheet is which table, and what a person is told when that is not clear (docs/roster.md, Workbooks).</summary>
public sealed class XlsxWorkbookSourceTests : IDisposable
{
    private static readonly object?[] EmployeesHeader = ["工号", "姓名", "入职日期", "岗位类别", "是否一线"];

    private readonly string _folder = Directory.CreateTempSubdirectory("eeval-xlsx-source-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string Expected =
        "请将员工表的工作表命名为“员工”或“employees”；其他表可选，命名为 “技能证书”（skill_certificates）、“职称”（titles）、" +
        "“年度考核”（assessments）、“荣誉”（honours）、“业绩成果”（achievements）、“工作经历”（work_periods）、“申报”（applications）" +
        "（见 docs/roster.md）";

    [Fact]
    public void The_lone_Sheet1_of_a_workbook_is_read_as_the_employees_table_when_its_header_has_every_required_column()
    {
        var path = Save(new TestWorkbook()
            .Sheet("Sheet1", [["江西某某公司2026年职称申报花名册"], EmployeesHeader, ["E1", "甲", "2015-03-01", "skill", "yes"]])
            .Sheet("Sheet2", []));

        var source = new XlsxWorkbookSource(path);
        var roster = RosterReader.Read(source);

        Assert.Equal(["employees", "Sheet2"], source.TableNames);
        Assert.Equal("E1", Assert.Single(roster.Records).Employee.EmployeeId);
        Assert.Equal(
            [
                "book.xlsx：没有名为 employees 或 员工 的工作表，工作表“Sheet1”的表头含员工表的全部必需列，已按员工表读取；建议将该工作表改名为“员工”",
                "book.xlsx/Sheet1：表头在第 2 行，其上的第 1 行（江西某某公司2026年职称申报花名册）作为标题跳过，未作为数据读取",
            ],
            source.Notes);
    }

    [Fact]
    public void A_lone_sheet_whose_header_lacks_required_columns_is_refused_with_the_sheets_found_and_the_names_expected()
    {
        var path = Save(new TestWorkbook().Sheet("Sheet1", ["工号", "姓名", "部门"], ["E1", "甲", "铸造车间"]));

        var error = Assert.Throws<RosterException>(() => HostRoster.ReadFolder(path));

        Assert.Equal(
            "花名册工作簿 book.xlsx 中没有员工表。工作簿中的工作表：“Sheet1”。" +
            "工作表“Sheet1”缺少员工表的必需列 hire_date（入职日期）、post_category（岗位类别）、frontline（是否一线），不能按员工表读取。" + Expected,
            error.Message);
    }

    [Fact]
    public void Two_unnamed_sheets_with_a_工号_column_are_not_guessed_between()
    {
        var path = Save(new TestWorkbook()
            .Sheet("Sheet1", EmployeesHeader, ["E1", "甲", "2015-03-01", "skill", "yes"])
            .Sheet("Sheet2", ["工号", "职称系列", "职称层级", "取得日期"], ["E1", "工程", "中级", "2020-01-01"]));

        var error = Assert.Throws<RosterException>(() => HostRoster.ReadFolder(path));

        Assert.Equal(
            "花名册工作簿 book.xlsx 中没有员工表。工作簿中的工作表：“Sheet1”、“Sheet2”。" +
            "工作表 “Sheet1”、“Sheet2” 都有工号列，无法判断哪一个是员工表。" + Expected,
            error.Message);
    }

    [Fact]
    public void A_workbook_of_other_tables_only_lists_its_sheets()
    {
        var path = Save(new TestWorkbook().Sheet("职称", ["工号", "职称系列", "职称层级", "取得日期"]).Sheet("说明", ["填表说明"]));

        var error = Assert.Throws<RosterException>(() => HostRoster.ReadFolder(path));

        Assert.Equal("花名册工作簿 book.xlsx 中没有员工表。工作簿中的工作表：“职称”、“说明”。" + Expected, error.Message);
    }

    [Fact]
    public void The_sheet_names_the_message_suggests_are_names_the_reader_accepts()
    {
        foreach (var (schema, chineseName) in XlsxWorkbookSource.Tables)
        {
            Assert.Equal(schema.Name, RosterSheetNames.TableName(chineseName));
        }
    }

    [Fact]
    public void Title_rows_are_noted_once_per_sheet_however_often_it_is_opened()
    {
        var path = Save(new TestWorkbook().MergedSheet(
            "员工", [["花名册"], [], EmployeesHeader, ["E1", "甲", "2015-03-01", "skill", "yes"]], ["A1:E1"]));
        var source = new XlsxWorkbookSource(path);

        source.Open("employees").Dispose();
        source.Open("employees").Dispose();

        Assert.Equal(["book.xlsx/员工：表头在第 3 行，其上的第 1–2 行（花名册）作为标题跳过，未作为数据读取"], source.Notes);
    }

    private string Save(TestWorkbook workbook)
    {
        var path = Path.Combine(_folder, "book.xlsx");
        workbook.Save(path);
        return path;
    }
}
