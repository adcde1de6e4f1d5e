using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Tests.Roster;

public sealed class RowParserTests : IDisposable
{
    private readonly RosterFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Row_with_too_many_fields_is_rejected_with_empty_column_and_the_good_rows_are_kept()
    {
        _folder.Write("employees.csv", RosterFolder.EmployeesHeader, "E1,甲,2020-01-01,skill,yes", "E2,欧阳,娜娜,2020-01-01,skill,yes", "E3,丙,2020-01-01,skill,yes");

        var result = _folder.Read();

        RejectAssert.Single(result, "employees.csv", 3, "", "E2,欧阳,娜娜,2020-01-01,skill,yes", "表头有 5 列，此行有 6 列");
        Assert.Equal(["E1", "E3"], result.Records.Select(r => r.Employee.EmployeeId));
        Assert.Equal(3, result.EmployeeRowsRead);
    }

    [Fact]
    public void Row_with_too_few_fields_is_rejected()
    {
        _folder.WithEmployees("E1").Write("assessments.csv", "employee_id,year,result", "E1,2023", "E1,2022,合格");

        var result = _folder.Read();

        RejectAssert.Single(result, "assessments.csv", 2, "", "E1,2023", "列数不对");
        Assert.Equal(2022, Assert.Single(result.Records[0].Assessments).Year);
    }

    [Fact]
    public void Empty_required_value_rejects_the_row_naming_the_column_as_written()
    {
        _folder.Write("employees.csv", "工号,姓名,入职日期,岗位类别,是否一线", "E1,,2020-01-01,技能,是", "E2,乙,2020-01-01,技能,是");

        var result = _folder.Read();

        RejectAssert.Single(result, "employees.csv", 2, "姓名", "", "姓名为必填项");
        Assert.Equal("E2", Assert.Single(result.Records).Employee.EmployeeId);
    }

    [Fact]
    public void Empty_employee_id_rejects_the_row()
    {
        _folder.WithEmployees("E1").Write("honours.csv", "employee_id,kind,awarded_on", " ,全国技术能手,2020-01-01", "E1,全国技术能手,2020-01-01");

        var result = _folder.Read();

        RejectAssert.Single(result, "honours.csv", 2, "employee_id", "", "工号为必填项");
        Assert.Single(result.Records[0].Honours);
    }

    [Fact]
    public void Bad_date_in_a_required_column_rejects_the_row()
    {
        // 2020年1月1日 was the bad date here until issue #19 made it a date; 1/1/2020 (day or month first?) is not one.
        _folder.Write("employees.csv", RosterFolder.EmployeesHeader, "E1,甲,1/1/2020,skill,yes", "E2,乙,2020-01-01,skill,yes");

        var result = _folder.Read();

        RejectAssert.Single(result, "employees.csv", 2, "hire_date", "1/1/2020", "日期格式应为 YYYY-MM-DD");
        Assert.Equal("E2", Assert.Single(result.Records).Employee.EmployeeId);
    }

    [Fact]
    public void Unknown_code_rejects_the_row_and_lists_the_accepted_values()
    {
        _folder.Write("employees.csv", RosterFolder.EmployeesHeader, "E1,甲,2020-01-01,后勤,yes", "E2,乙,2020-01-01,skill,yes");

        var result = _folder.Read();

        RejectAssert.Single(result, "employees.csv", 2, "post_category", "后勤", "可填：技能(skill)、专业技术(technical)、管理(management)");
        Assert.Single(result.Records);
    }

    [Fact]
    public void Unknown_yes_no_rejects_the_row()
    {
        _folder.Write("employees.csv", RosterFolder.EmployeesHeader, "E1,甲,2020-01-01,skill,偶尔", "E2,乙,2020-01-01,skill,yes");

        var result = _folder.Read();

        RejectAssert.Single(result, "employees.csv", 2, "frontline", "偶尔", "可填：是(yes)、否(no)");
        Assert.Single(result.Records);
    }

    [Fact]
    public void Bad_optional_value_in_employees_is_dropped_and_the_employee_kept()
    {
        _folder.Write("employees.csv", RosterFolder.EmployeesHeader + ",birth_date,appointed_skill_level", "E1,甲,2020-01-01,skill,yes,1990-02-30,大师");

        var result = _folder.Read();

        Assert.Equal(2, result.Rejects.Count);
        RejectAssert.Matches(result.Rejects[0], "employees.csv", 2, "birth_date", "1990-02-30", "日期不存在");
        Assert.Contains("该员工仍参加筛选", result.Rejects[0].Reason, StringComparison.Ordinal);
        RejectAssert.Matches(result.Rejects[1], "employees.csv", 2, "appointed_skill_level", "大师", "可填：学徒工(apprentice)");
        var employee = Assert.Single(result.Records).Employee;
        Assert.Null(employee.BirthDate);
        Assert.Null(employee.AppointedSkillLevel);
    }

    [Fact]
    public void Bad_optional_value_outside_employees_rejects_the_row()
    {
        _folder.WithEmployees("E1").Write("skill_certificates.csv", "employee_id,level,issued_on,status", "E1,技师,2019-01-01,作废", "E1,高级工,2015-01-01,");

        var result = _folder.Read();

        RejectAssert.Single(result, "skill_certificates.csv", 2, "status", "作废", "可填：有效(valid)、已撤销(revoked)");
        Assert.Equal(SkillLevel.SeniorWorker, Assert.Single(result.Records[0].Certificates).Level);
    }

    [Fact]
    public void A_rejected_row_is_reported_once_on_its_first_problem()
    {
        _folder.Write("employees.csv", RosterFolder.EmployeesHeader + ",birth_date", "E1,,2020-99-01,干部,maybe,1990-02-30");

        var result = _folder.Read();

        RejectAssert.Single(result, "employees.csv", 2, "name", "", "为必填项");
    }
}
