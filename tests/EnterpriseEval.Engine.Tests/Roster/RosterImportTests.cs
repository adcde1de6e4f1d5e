using EnterpriseEval.Engine.Roster;

namespace EnterpriseEval.Engine.Tests.Roster;

public sealed class RosterImportTests : IDisposable
{
    private readonly RosterFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Row_for_an_employee_not_in_employees_csv_is_rejected()
    {
        _folder.WithEmployees("E1").Write("titles.csv", "employee_id,series,level,obtained_on", "E0123,工程,中级,2020-01-01", "E1,工程,中级,2020-01-01");

        var result = _folder.Read();

        RejectAssert.Single(result, "titles.csv", 2, "employee_id", "E0123", "工号 E0123 在 employees.csv 中不存在");
        Assert.Single(result.Records[0].Titles);
    }

    [Fact]
    public void Row_for_an_employee_whose_own_row_was_rejected_is_rejected_with_its_own_reason()
    {
        _folder
            .Write("employees.csv", RosterFolder.EmployeesHeader, "E1,甲,2020-01-01,skill,yes", "E2,乙,not-a-date,skill,yes")
            .Write("honours.csv", "工号,荣誉,授予日期", "E2,全国技术能手,2020-01-01", "E1,全国技术能手,2020-01-01");

        var result = _folder.Read();

        Assert.Equal(2, result.Rejects.Count);
        RejectAssert.Matches(result.Rejects[0], "employees.csv", 3, "hire_date", "not-a-date", "日期格式应为 YYYY-MM-DD");
        RejectAssert.Matches(result.Rejects[1], "honours.csv", 2, "工号", "E2", "该员工的 employees.csv 记录已被拒收（第 3 行）");
        Assert.Single(Assert.Single(result.Records).Honours);
    }

    [Fact]
    public void Employee_whose_row_had_the_wrong_field_count_counts_as_rejected_not_unknown()
    {
        _folder
            .Write("employees.csv", RosterFolder.EmployeesHeader, "E1,甲,2020-01-01,skill,yes", "E2,欧阳,娜娜,2020-01-01,skill,yes")
            .Write("titles.csv", "employee_id,series,level,obtained_on", "E2,工程,中级,2020-01-01");

        var result = _folder.Read();

        Assert.Equal(2, result.Rejects.Count);
        RejectAssert.Matches(result.Rejects[0], "employees.csv", 3, "", "E2,欧阳,娜娜,2020-01-01,skill,yes", "列数不对");
        RejectAssert.Matches(result.Rejects[1], "titles.csv", 2, "employee_id", "E2", "该员工的 employees.csv 记录已被拒收（第 3 行）");
    }

    [Fact]
    public void Rejects_come_in_file_then_row_order()
    {
        _folder
            .Write("employees.csv", RosterFolder.EmployeesHeader, "E1,甲,2020-01-01,skill,yes", "E1,甲二,2020-01-01,skill,yes")
            .Write("titles.csv", "employee_id,series,level,obtained_on", "X,工程,中级,2020-01-01")
            .Write("assessments.csv", "employee_id,year,result", "Y,2020,合格", "Z,2021,合格");

        var result = _folder.Read();

        Assert.Equal(
            [("employees.csv", 3), ("titles.csv", 2), ("assessments.csv", 2), ("assessments.csv", 3)],
            result.Rejects.Select(r => (r.File, r.Row)));
    }

    [Fact]
    public void Empty_optional_file_is_read_as_absent()
    {
        _folder.WithEmployees("E1").Write("applications.csv", "");

        var result = _folder.Read();

        Assert.Empty(result.Rejects);
        Assert.False(result.HasApplications);
    }

    // Issue #19: HasApplications now decides who is screened (only applicants, docs/rules.md "Which decisions are
    // made"), so a header-only table, which used to count as present, would screen nobody. It reads as no
    // applications (every path tried) with a warning, as docs/roster.md says.
    [Theory]
    [InlineData("employee_id,path,target_level")]
    [InlineData("employee_id,path,target_level\n,,\n")]
    public void Applications_file_with_only_a_header_is_read_as_no_applications_with_a_warning(string text)
    {
        _folder.WithEmployees("E1").WriteText("applications.csv", text + "\n", bom: false);

        var result = _folder.Read();

        Assert.False(result.HasApplications);
        Assert.Contains("applications.csv 只有表头、没有申报行，按无申报处理", result.ApplicationsWarning, StringComparison.Ordinal);
        Assert.Empty(result.Rejects);
    }

    [Fact]
    public void Applications_file_with_a_row_means_the_roster_has_applications_whole_or_streamed()
    {
        _folder.WithEmployees("E1", "E2").Write("applications.csv", "employee_id,path,target_level", "E2,skill_to_title,intermediate");

        var whole = _folder.Read();
        using var stream = RosterReader.OpenStream(_folder.Path)!;

        Assert.True(whole.HasApplications);
        Assert.Null(whole.ApplicationsWarning);
        Assert.True(stream.HasApplications);
        Assert.Null(stream.ApplicationsWarning);
    }

    [Fact]
    public void A_streamed_roster_knows_an_empty_applications_table_before_its_first_chunk()
    {
        _folder.WithEmployees("E1").Write("applications.csv", "工号,申报路径,申报层级");

        using var stream = RosterReader.OpenStream(_folder.Path)!;

        Assert.False(stream.HasApplications);
        Assert.Contains("只有表头、没有申报行", stream.ApplicationsWarning, StringComparison.Ordinal);
    }
}
