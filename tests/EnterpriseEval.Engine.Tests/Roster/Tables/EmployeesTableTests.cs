namespace EnterpriseEval.Engine.Tests.Roster.Tables;

public sealed class EmployeesTableTests : IDisposable
{
    private readonly RosterFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Duplicate_employee_id_rejects_the_later_row_and_the_first_stands()
    {
        _folder.Write("employees.csv", RosterFolder.EmployeesHeader, "E1,甲,2020-01-01,skill,yes", "E2,乙,2020-01-01,skill,yes", "E1,甲二,2021-01-01,skill,yes");

        var result = _folder.Read();

        RejectAssert.Single(result, "employees.csv", 4, "employee_id", "E1", "工号 E1 重复，以第 2 行为准");
        Assert.Equal(["甲", "乙"], result.Records.Select(r => r.Employee.Name));
        Assert.Equal(3, result.EmployeeRowsRead);
    }

    [Fact]
    public void Duplicate_of_a_rejected_row_is_rejected_as_a_duplicate()
    {
        _folder.Write("employees.csv", RosterFolder.EmployeesHeader, "E1,甲,bad,skill,yes", "E1,甲,2020-01-01,skill,yes");

        var result = _folder.Read();

        Assert.Equal(["hire_date", "employee_id"], result.Rejects.Select(r => r.Column));
        Assert.Contains("以第 2 行为准", result.Rejects[1].Reason, StringComparison.Ordinal);
        Assert.Empty(result.Records);
    }

    [Theory]
    [InlineData("11010519491231002", "身份证号应为 18 位")]
    [InlineData("1101051949123100AX", "前 17 位应为数字")]
    [InlineData("110105194912310021", "校验位不正确")]
    public void Invalid_id_number_is_dropped_and_the_employee_kept(string idNumber, string reason)
    {
        _folder.Write("employees.csv", RosterFolder.EmployeesHeader + ",身份证号", $"E1,甲,2020-01-01,skill,yes,{idNumber}");

        var result = _folder.Read();

        RejectAssert.Single(result, "employees.csv", 2, "身份证号", idNumber, reason);
        Assert.Null(Assert.Single(result.Records).Employee.IdNumber);
    }

    [Fact]
    public void Id_number_with_lowercase_x_is_accepted_and_stored_with_capital_X()
    {
        _folder.Write("employees.csv", RosterFolder.EmployeesHeader + ",id_number", "E1,甲,2020-01-01,skill,yes,11010519491231002x");

        var result = _folder.Read();

        Assert.Empty(result.Rejects);
        Assert.Equal("11010519491231002X", result.Records[0].Employee.IdNumber);
    }
}
