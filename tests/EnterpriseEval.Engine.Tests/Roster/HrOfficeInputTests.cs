using EnterpriseEval.Engine.Roster;

namespace EnterpriseEval.Engine.Tests.Roster;

/// <summary>
/// Issue #19, "Rosters as HR offices save them", one format and one message at a time: full-width ids, dates and
/// years; dates to the month and Excel serial numbers; CSV files named in Chinese; --roster naming a CSV file; tables
/// with a header and no rows. Every message names file, row and column.
/// </summary>
public sealed class HrOfficeInputTests : IDisposable
{
    private const string CertificatesHeader = "employee_id,occupation,level,certificate_no,issued_on";

    private readonly RosterFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Full_width_ids_in_every_table_find_their_employee_and_certificates_no_longer_vanish()
    {
        // Until issue #19 ＨＭ００４５ in skill_certificates.csv was "工号不存在" and the certificate was lost.
        _folder.Write("employees.csv", RosterFolder.EmployeesHeader + ",id_number", "ＨＭ００４５,甲,2015-03-01,skill,yes,３６０１０２１９７１０３０８０５１ｘ")
            .Write("skill_certificates.csv", CertificatesHeader, "HM0045,车工,技师,１２３６ＡＢ,２０１９年４月１２日")
            .Write("titles.csv", "employee_id,series,level,obtained_on", "ＨＭ００４５,工程,助理级,２０２０－０１－０２")
            .Write("assessments.csv", "employee_id,year,result", "ＨＭ００４５,２０２４,合格", "HM0045,２０２３年,合格");

        var result = _folder.Read();

        Assert.Empty(result.Rejects);
        var record = Assert.Single(result.Records);
        Assert.Equal(("HM0045", "36010219710308051X"), (record.Employee.EmployeeId, record.Employee.IdNumber));
        var certificate = Assert.Single(record.Certificates);
        Assert.Equal(("1236AB", new DateOnly(2019, 4, 12)), (certificate.CertificateNo, certificate.IssuedOn));
        Assert.Equal(new DateOnly(2020, 1, 2), Assert.Single(record.Titles).ObtainedOn);
        Assert.Equal([2023, 2024], record.Assessments.Select(a => a.Year).Order());
    }

    [Fact]
    public void Full_width_and_half_width_of_one_id_are_one_employee_in_employees_csv()
    {
        _folder.Write("employees.csv", RosterFolder.EmployeesHeader, "E1,甲,2015-03-01,skill,yes", "Ｅ１,甲,2015-03-01,skill,yes");

        var result = _folder.Read();

        RejectAssert.Single(result, "employees.csv", 3, "employee_id", "Ｅ１", "工号 E1 重复，以第 2 行为准");
    }

    [Fact]
    public void A_certificate_date_written_to_the_month_counts_from_the_last_day_and_says_so()
    {
        _folder.WithEmployees("E1").Write("skill_certificates.csv", CertificatesHeader, "E1,车工,技师,N1,2019年4月");

        var result = _folder.Read();

        Assert.Equal(new DateOnly(2019, 4, 30), Assert.Single(Assert.Single(result.Records).Certificates).IssuedOn);
        RejectAssert.Single(result, "skill_certificates.csv", 2, "issued_on", "2019年4月", "日期只写到月份，已按该月最后一天 2019-04-30 计算");
    }

    [Fact]
    public void A_birth_date_or_first_work_date_written_to_the_month_is_enough_and_not_noted()
    {
        _folder.Write("employees.csv", RosterFolder.EmployeesHeader + ",出生日期,参加工作时间", "E1,甲,2015-03-01,skill,yes,1980年5月,2001.07");

        var result = _folder.Read();

        Assert.Empty(result.Rejects);
        var employee = Assert.Single(result.Records).Employee;
        Assert.Equal((new DateOnly(1980, 5, 1), new DateOnly(2001, 7, 1)), (employee.BirthDate, employee.FirstWorkDate));
    }

    [Fact]
    public void A_period_end_written_to_the_month_ends_on_its_first_day_and_says_so()
    {
        _folder.WithEmployees("E1").Write("work_periods.csv", "employee_id,start,end,kind", "E1,2010年3月1日,2015年6月,technical_skill");

        var result = _folder.Read();

        Assert.Equal(new DateOnly(2015, 6, 1), Assert.Single(Assert.Single(result.Records).WorkPeriods).End);
        RejectAssert.Single(result, "work_periods.csv", 2, "end", "2015年6月", "已按该月第一天 2015-06-01 计算");
    }

    [Fact]
    public void An_Excel_serial_number_in_a_date_column_is_converted_with_a_hint_naming_file_row_and_column()
    {
        _folder.WithEmployees("E1").Write("skill_certificates.csv", CertificatesHeader, "E1,车工,技师,N1,44378");

        var result = _folder.Read();

        Assert.Equal(new DateOnly(2021, 7, 1), Assert.Single(Assert.Single(result.Records).Certificates).IssuedOn);
        RejectAssert.Single(result, "skill_certificates.csv", 2, "issued_on", "44378", "日期被保存成了数字（Excel 日期序号），已换算为 2021-07-01");
    }

    [Fact]
    public void A_hire_date_note_is_given_once_whether_the_roster_is_read_whole_or_streamed()
    {
        _folder.Write("employees.csv", RosterFolder.EmployeesHeader, "E1,甲,44378,skill,yes");

        var whole = _folder.Read();
        using var stream = RosterReader.OpenStream(_folder.Path)!;
        while (stream.Next(10) is not null)
        {
        }

        RejectAssert.Single(whole, "employees.csv", 2, "hire_date", "44378", "已换算为 2021-07-01");
        Assert.Equal(whole.Rejects, stream.Rejects());
    }

    [Fact]
    public void CSV_files_may_be_named_in_Chinese_as_workbook_sheets_are()
    {
        _folder.Write("员工.csv", RosterFolder.EmployeesHeader, "E1,甲,2015-03-01,skill,yes", "E2,乙,bad,skill,yes")
            .Write("职业技能等级证书.csv", CertificatesHeader, "E1,车工,技师,N1,2019-04-12")
            .Write("年度考核.csv", "工号,年度,考核结果", "E1,2024,合格");

        var result = _folder.Read();

        var record = Assert.Single(result.Records);
        Assert.Single(record.Certificates);
        Assert.Single(record.Assessments);
        RejectAssert.Single(result, "员工.csv", 3, "hire_date", "bad", "日期格式应为");
    }

    [Fact]
    public void Two_files_for_one_table_stop_the_run_naming_both()
    {
        _folder.WithEmployees("E1").Write("员工.csv", RosterFolder.EmployeesHeader, "E2,乙,2015-03-01,skill,yes");

        var error = Assert.Throws<RosterException>(_folder.Read);

        Assert.Equal($"花名册文件夹中 employees.csv 和 员工.csv 是同一张表（employees），请只保留其中一个：{_folder.Path}", error.Message);
    }

    [Theory]
    [InlineData("employees.csv")]
    [InlineData("员工.csv")]
    public void A_roster_path_naming_a_CSV_file_means_its_folder(string employeesFile)
    {
        _folder.Write(employeesFile, RosterFolder.EmployeesHeader, "E1,甲,2015-03-01,skill,yes")
            .Write("titles.csv", "employee_id,series,level,obtained_on", "E1,工程,助理级,2020-01-02");

        var result = RosterReader.ReadFolder(Path.Combine(_folder.Path, employeesFile));

        Assert.Single(Assert.Single(result.Records).Titles);
        using var stream = RosterReader.OpenStream(Path.Combine(_folder.Path, "titles.csv"));
        Assert.NotNull(stream);
    }

    [Fact]
    public void A_roster_path_naming_a_CSV_file_that_does_not_exist_says_so()
    {
        var missing = Path.Combine(_folder.Path, "employees.csv");

        var error = Assert.Throws<RosterException>(() => RosterReader.ReadFolder(missing));

        Assert.Equal($"找不到花名册文件：{missing}", error.Message);
    }

    [Fact]
    public void A_table_with_a_header_and_no_rows_is_a_warning_naming_the_file_not_a_silent_zero()
    {
        _folder.WithEmployees("E1").Write("titles.csv", "employee_id,series,level,obtained_on", "", "");

        var whole = _folder.Read();
        using var stream = RosterReader.OpenStream(_folder.Path)!;
        while (stream.Next(10) is not null)
        {
        }

        Assert.Equal(["titles.csv 只有表头，没有数据行：该表未读入任何记录，请核对导出是否完整"], whole.Warnings);
        Assert.Equal(whole.Warnings, stream.Warnings());
    }

    [Fact]
    public void Employees_with_a_header_and_no_rows_is_a_warning_that_nobody_is_screened()
    {
        _folder.Write("员工.csv", RosterFolder.EmployeesHeader);

        var result = _folder.Read();

        Assert.Empty(result.Records);
        Assert.Equal(["员工.csv 只有表头，没有数据行：没有员工参加筛查，请核对导出是否完整"], result.Warnings);
    }

    [Fact]
    public void A_table_with_rows_or_an_applications_table_with_a_header_only_gives_no_such_warning()
    {
        // applications.csv with a header only has a meaning of its own (docs/rules.md), reported where it is decided.
        _folder.WithEmployees("E1")
            .Write("titles.csv", "employee_id,series,level,obtained_on", "E1,工程,助理级,2020-01-02")
            .Write("applications.csv", "employee_id,path,target_level");

        Assert.Empty(_folder.Read().Warnings);
    }
}
