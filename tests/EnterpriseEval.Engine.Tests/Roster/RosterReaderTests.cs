using System.Text;
using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Tests.Roster;

public sealed class RosterReaderTests : IDisposable
{
    private readonly RosterFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Full_roster_with_English_headers_reads_every_file_into_typed_records()
    {
        WriteEnglishRoster(_folder);

        var result = _folder.Read();

        Assert.Empty(result.Rejects);
        Assert.Equal(2, result.EmployeeRowsRead);
        Assert.True(result.HasApplications);
        Assert.Collection(result.Records, e => Assert.Equal("E001", e.Employee.EmployeeId), e => Assert.Equal("E002", e.Employee.EmployeeId));

        var zhang = result.Records[0];
        Assert.Equal(
            new Employee
            {
                EmployeeId = "E001",
                Name = "张三",
                IdNumber = "11010519491231002X",
                BirthDate = new DateOnly(1949, 12, 31),
                HireDate = new DateOnly(2010, 7, 1),
                FirstWorkDate = new DateOnly(2008, 7, 1),
                Department = "机加车间",
                Post = "数控车工",
                PostCategory = PostCategory.Skill,
                Frontline = true,
                Occupation = "车工",
                Major = "机械制造",
                Education = "大专",
                AppointedSkillLevel = SkillLevel.Technician,
                AppointedFrom = new DateOnly(2020, 1, 1),
                AppointedUntil = new DateOnly(2025, 12, 31),
                Extra = zhang.Employee.Extra,
            },
            zhang.Employee);
        Assert.Empty(zhang.Employee.Extra);
        Assert.Equal(
            [(SkillLevel.Technician, CertificateKind.SkillLevel, "JS-001"), (SkillLevel.SeniorWorker, CertificateKind.Qualification, "GJ-001")],
            zhang.Certificates.Select(c => (c.Level, c.Kind, c.CertificateNo)));
        Assert.Equal([(2022, AssessmentResult.Excellent), (2023, AssessmentResult.Qualified)], zhang.Assessments.Select(a => (a.Year, a.Result)));
        Assert.Equal(HonourKind.NationalTechnicalExpert, Assert.Single(zhang.Honours).Kind);
        Assert.Equal(("竞赛获奖", "全国车工大赛", "一等奖"), zhang.Achievements.Select(a => (a.Kind, a.Title, a.Rank)).Single());
        Assert.Equal([(WorkKind.Other, (DateOnly?)new DateOnly(2012, 6, 30)), (WorkKind.TechnicalSkill, null)], zhang.WorkPeriods.Select(w => (w.Kind, w.End)));
        var application = Assert.Single(zhang.Applications);
        Assert.Equal(
            new Application { Path = ScreeningPath.SkillToTitle, TargetTitleLevel = TitleLevel.AssociateSenior, TargetSeries = TitleSeries.Engineering, Extra = application.Extra },
            application);
        Assert.Empty(application.Extra);

        var li = result.Records[1];
        Assert.Null(li.Employee.IdNumber);
        Assert.Null(li.Employee.AppointedSkillLevel);
        Assert.Equal(li.Employee.HireDate, li.Employee.WorkStart);
        Assert.Equal((TitleSeries.Engineering, TitleLevel.Intermediate, "材料"), li.Titles.Select(t => (t.Series, t.Level, t.Specialty)).Single());
        var liApplication = Assert.Single(li.Applications);
        Assert.Equal(
            new Application { Path = ScreeningPath.TitleToSkill, TargetSkillLevel = SkillLevel.Technician, TargetOccupation = "车工", Extra = liApplication.Extra },
            liApplication);
        Assert.Empty(liApplication.Extra);
        Assert.Empty(li.Certificates);
        Assert.Empty(li.ExtraFiles);
    }

    [Fact]
    public void Chinese_headers_and_values_with_BOM_and_CRLF_read_the_same_as_the_English_roster()
    {
        using var english = new RosterFolder();
        WriteEnglishRoster(english);
        WriteChineseRoster(_folder);

        var expected = english.Read();
        var actual = _folder.Read();

        Assert.Empty(actual.Rejects);
        Assert.Equal(RosterProjection.Of(expected.Records), RosterProjection.Of(actual.Records));
        Assert.True(actual.HasApplications);
    }

    [Fact]
    public void English_headers_match_without_regard_to_case_and_surrounding_spaces()
    {
        _folder.Write("employees.csv", " Employee_ID , NAME,Hire_Date,POST_CATEGORY,Frontline", "E1, 王五 ,2020-01-01,技能,否");

        var employee = Assert.Single(_folder.Read().Records).Employee;

        Assert.Equal(("E1", "王五", false), (employee.EmployeeId, employee.Name, employee.Frontline));
    }

    [Fact]
    public void Unknown_columns_are_kept_in_Extra_by_header_as_written()
    {
        _folder
            .Write("employees.csv", RosterFolder.EmployeesHeader + ",工龄津贴,Badge", "E1,甲,2020-01-01,skill,yes,120,B-7")
            .Write("skill_certificates.csv", "employee_id,level,issued_on,鉴定机构", "E1,高级工,2019-01-01,省职业技能鉴定中心")
            .Write("titles.csv", "employee_id,series,level,obtained_on,评审委员会", "E1,工程,中级,2021-01-01,集团高评委")
            .Write("achievements.csv", "employee_id,kind,date,积分", "E1,专利,2022-02-02,5")
            .Write("assessments.csv", "employee_id,year,result,考核单位", "E1,2025,合格,一车间")
            .Write("honours.csv", "employee_id,kind,awarded_on,文号", "E1,全国技术能手,2022-01-01,人社部发〔2021〕9号")
            .Write("work_periods.csv", "employee_id,start,kind,借调单位", "E1,2020-01-01,technical_skill,分公司")
            .Write("applications.csv", "employee_id,path,target_level,申报说明", "E1,skill_to_title,assistant,本人申请");

        var record = Assert.Single(_folder.Read().Records);

        Assert.Equal(new Dictionary<string, string> { ["工龄津贴"] = "120", ["Badge"] = "B-7" }, record.Employee.Extra);
        Assert.Equal("省职业技能鉴定中心", Assert.Single(record.Certificates).Extra["鉴定机构"]);
        Assert.Equal("集团高评委", Assert.Single(record.Titles).Extra["评审委员会"]);
        Assert.Equal("5", Assert.Single(record.Achievements).Extra["积分"]);
        Assert.Equal("一车间", Assert.Single(record.Assessments).Extra["考核单位"]);
        Assert.Equal("人社部发〔2021〕9号", Assert.Single(record.Honours).Extra["文号"]);
        Assert.Equal("分公司", Assert.Single(record.WorkPeriods).Extra["借调单位"]);
        Assert.Equal("本人申请", Assert.Single(record.Applications).Extra["申报说明"]);
    }

    [Fact]
    public void Further_csv_file_with_an_employee_id_column_goes_to_ExtraFiles_and_unknown_employees_are_rejected()
    {
        _folder
            .WithEmployees("E1", "E2")
            .Write("safety_incidents.csv", "工号,date,severity", "E1,2023-05-01,minor", "E9,2023-06-01,major", "E1,2023-07-01,major")
            .Write("notes.csv", "topic,text", "x,not about employees");

        var result = _folder.Read();

        var rows = result.Records[0].ExtraFiles["safety_incidents"];
        Assert.Equal(2, rows.Count);
        Assert.Equal(new Dictionary<string, string> { ["工号"] = "E1", ["date"] = "2023-05-01", ["severity"] = "minor" }, rows[0]);
        Assert.Equal("major", rows[1]["severity"]);
        Assert.Empty(result.Records[1].ExtraFiles);
        RejectAssert.Single(result, "safety_incidents.csv", 3, "工号", "E9", "工号 E9 在 employees.csv 中不存在");
    }

    [Fact]
    public void Quoted_fields_with_commas_and_line_breaks_are_read_whole_and_later_row_numbers_stay_right()
    {
        _folder
            .Write(
                "employees.csv",
                RosterFolder.EmployeesHeader + ",department",
                "E1,\"欧阳, 娜娜\",2020-01-01,skill,yes,\"一车间\n二工段\"",
                "E2,\"说 \"\"老王\"\"\",2020-01-01,skill,yes,三车间",
                "E3,丙,2020-13-01,skill,yes,四车间");

        var result = _folder.Read();

        Assert.Equal(["欧阳, 娜娜", "说 \"老王\""], result.Records.Select(r => r.Employee.Name));
        Assert.Equal("一车间\n二工段", result.Records[0].Employee.Department);
        RejectAssert.Single(result, "employees.csv", 4, "hire_date", "2020-13-01", "日期不存在");
    }

    [Fact]
    public void Blank_rows_are_skipped_without_a_reject_and_are_not_counted()
    {
        _folder.Write("employees.csv", RosterFolder.EmployeesHeader, "E1,甲,2020-01-01,skill,yes", "", ",,,,", "E2,乙,2020-01-01,skill,yes");

        var result = _folder.Read();

        Assert.Empty(result.Rejects);
        Assert.Equal(2, result.EmployeeRowsRead);
        Assert.Equal(2, result.Records.Count);
    }

    [Fact]
    public void Without_applications_csv_HasApplications_is_false()
    {
        _folder.WithEmployees("E1");

        Assert.False(_folder.Read().HasApplications);
    }

    [Fact]
    public void Missing_folder_stops_the_import_naming_the_folder()
    {
        var missing = Path.Combine(_folder.Path, "nowhere");

        var error = Assert.Throws<RosterException>(() => RosterReader.ReadFolder(missing));

        Assert.Equal($"找不到花名册文件夹：{missing}", error.Message);
    }

    [Fact]
    public void Missing_employees_csv_stops_the_import()
    {
        _folder.Write("titles.csv", "employee_id,series,level,obtained_on");

        var error = Assert.Throws<RosterException>(_folder.Read);

        Assert.Equal($"花名册文件夹中找不到 employees.csv：{_folder.Path}", error.Message);
    }

    [Fact]
    public void Missing_required_column_stops_the_import_naming_file_and_column()
    {
        _folder.Write("employees.csv", "employee_id,name,post_category,frontline", "E1,甲,skill,yes");

        var error = Assert.Throws<RosterException>(_folder.Read);

        Assert.Equal("employees.csv 缺少必需列 hire_date（入职日期）", error.Message);
    }

    [Fact]
    public void Missing_required_column_in_another_file_stops_the_import_too()
    {
        _folder.WithEmployees("E1").Write("assessments.csv", "工号,年度", "E1,2023");

        var error = Assert.Throws<RosterException>(_folder.Read);

        Assert.Equal("assessments.csv 缺少必需列 result（考核结果）", error.Message);
    }

    [Fact]
    public void A_GBK_file_is_read_as_GB18030_and_the_summary_names_it()
    {
        // Issue #19: "工号" in GBK, as Excel on Chinese Windows saves a plain "CSV", was refused (「不是 UTF-8 编码」);
        // it is GB18030 and is read as such.
        var gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)!;
        _folder.WithEmployees("E1").WriteBytes("titles.csv", gbk.GetBytes("工号,职称系列,职称层级,取得日期\nE1,工程,中级,2020-01-01\n"));

        var result = _folder.Read();

        Assert.Empty(result.Rejects);
        Assert.Single(Assert.Single(result.Records).Titles);
        Assert.StartsWith("titles.csv 不是 UTF-8 编码，已按 GB18030（GBK）编码读入", Assert.Single(result.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_neither_UTF8_nor_GB18030_stops_the_import_naming_the_file_and_line()
    {
        // 0xFF is no byte of either encoding.
        _folder.WithEmployees("E1").WriteBytes("titles.csv", [.. "employee_id,series\nE1,"u8, 0xFF, (byte)'\n']);

        var error = Assert.Throws<RosterException>(_folder.Read);

        Assert.Equal(
            "titles.csv 不是 UTF-8 编码，也不是 GB18030（GBK）编码：第 2 行有无法识别的字节。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后重试",
            error.Message);
    }

    [Fact]
    public void Empty_employees_csv_stops_the_import()
    {
        _folder.Write("employees.csv", "");

        var error = Assert.Throws<RosterException>(_folder.Read);

        Assert.Equal("employees.csv 是空文件，缺少表头行", error.Message);
    }

    [Fact]
    public void Every_fatal_message_is_a_single_line()
    {
        _folder.Write("employees.csv", "employee_id,name,hire_date,post_category");

        var error = Assert.Throws<RosterException>(_folder.Read);

        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal("employees.csv 缺少必需列 frontline（是否一线）", error.Message);
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        _folder.WithEmployees([.. Enumerable.Range(1, 10_000).Select(i => $"E{i}")]);

        Assert.Throws<OperationCanceledException>(() => RosterReader.ReadFolder(_folder.Path, new CancellationToken(canceled: true)));
    }

    internal static void WriteEnglishRoster(RosterFolder folder) => folder
        .Write(
            "employees.csv",
            "employee_id,name,id_number,birth_date,hire_date,first_work_date,department,post,post_category,frontline,occupation,major,education,appointed_skill_level,appointed_from,appointed_until",
            "E001,张三,11010519491231002X,1949-12-31,2010-07-01,2008-07-01,机加车间,数控车工,skill,yes,车工,机械制造,大专,technician,2020-01-01,2025-12-31",
            "E002,李四,,,2016-03-15,,技术部,工艺员,technical,no,,材料工程,本科,,,")
        .Write(
            "skill_certificates.csv",
            "employee_id,level,occupation,certificate_no,issued_on,kind,status",
            "E001,technician,车工,JS-001,2018-06-30,skill_level,valid",
            "E001,senior_worker,车工,GJ-001,2014-06-30,qualification,valid")
        .Write("titles.csv", "employee_id,series,specialty,level,obtained_on,certificate_no", "E002,engineering,材料,intermediate,2021-12-01,ZC-9")
        .Write("assessments.csv", "employee_id,year,result", "E001,2022,excellent", "E001,2023,qualified", "E002,2023,basically_qualified")
        .Write("honours.csv", "employee_id,kind,awarded_on", "E001,national_technical_expert,2021-05-01")
        .Write("achievements.csv", "employee_id,kind,title,date,rank", "E001,竞赛获奖,全国车工大赛,2021-04-01,一等奖")
        .Write("work_periods.csv", "employee_id,start,end,kind", "E001,2008-07-01,2012-06-30,other", "E001,2012-07-01,,technical_skill")
        .Write(
            "applications.csv",
            "employee_id,path,target_level,target_series,target_occupation",
            "E001,skill_to_title,associate_senior,engineering,",
            "E002,title_to_skill,technician,,车工");

    private static void WriteChineseRoster(RosterFolder folder)
    {
        // Columns in another order, Chinese names and aliases, other date spellings, BOM and CRLF.
        Write("employees.csv",
            "工号,姓名,入职日期,岗位类别,是否一线,身份证号,出生日期,参加工作时间,部门,岗位,职业工种,所学专业,学历,在聘等级,聘期开始,聘期结束",
            "E001,张三,2010/7/1,技能,是,11010519491231002x,1949.12.31,2008-7-1,机加车间,数控车工,车工,机械制造,大专,二级/技师,2020/01/01,2025/12/31",
            "E002,李四,2016-03-15,专业技术岗位,否,,,,技术部,工艺员,,材料工程,本科,,,");
        Write("skill_certificates.csv",
            "工号,等级,职业工种,证书编号,发证日期,证书类型,状态",
            "E001,技师,车工,JS-001,2018/6/30,职业技能等级证书,有效",
            "E001,三级,车工,GJ-001,2014.06.30,职业资格,");
        Write("titles.csv", "工号,职称系列,专业,职称层级,取得日期,证书编号", "E002,工程系列,材料,工程师,2021-12-1,ZC-9");
        Write("assessments.csv", "工号,年度,考核结果", "E001,2022年,优秀", "E001,2023,称职", "E002,2023,基本称职");
        Write("honours.csv", "工号,荣誉,授予日期", "E001,全国技术能手,2021-05-01");
        Write("achievements.csv", "工号,类别,名称,日期,等次", "E001,竞赛获奖,全国车工大赛,2021-04-01,一等奖");
        Write("work_periods.csv", "工号,开始日期,结束日期,工作性质", "E001,2008-07-01,2012-06-30,其他", "E001,2012-07-01,,技术技能");
        Write("applications.csv", "工号,申报路径,申报层级,申报系列,申报职业工种", "E001,技能人才评职称,高级工程师,工程,", "E002,专技人才评技能,技师,,车工");

        void Write(string file, params string[] lines) => folder.WriteText(file, string.Join("\r\n", lines) + "\r\n", bom: true);
    }
}
