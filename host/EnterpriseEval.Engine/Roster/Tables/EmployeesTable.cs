using EnterpriseEval.Engine.Roster.Fields;
using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Roster.Tables;

/// <summary><c>employees.csv</c> (required): one row per employee, 工号 unique.</summary>
internal static class EmployeesTable
{
    public static readonly RosterColumn Name = new("name", "姓名", required: true);
    public static readonly RosterColumn IdNumber = new("id_number", "身份证号");
    public static readonly RosterColumn BirthDate = new("birth_date", "出生日期") { MonthPrecision = MonthPrecision.FirstDay };
    public static readonly RosterColumn HireDate = new("hire_date", "入职日期", required: true) { MonthPrecision = MonthPrecision.AssumeLastDay };
    public static readonly RosterColumn FirstWorkDate = new("first_work_date", "参加工作时间") { MonthPrecision = MonthPrecision.FirstDay };
    public static readonly RosterColumn Department = new("department", "部门");
    public static readonly RosterColumn EnterpriseCode = new("enterprise_code", "单位代码");
    public static readonly RosterColumn Post = new("post", "岗位");
    public static readonly RosterColumn PostCategory = new("post_category", "岗位类别", required: true);
    public static readonly RosterColumn Frontline = new("frontline", "是否一线", required: true);
    public static readonly RosterColumn Occupation = new("occupation", "职业工种");
    public static readonly RosterColumn Major = new("major", "所学专业");
    public static readonly RosterColumn Education = new("education", "学历");
    public static readonly RosterColumn AppointedSkillLevel = new("appointed_skill_level", "在聘等级");
    public static readonly RosterColumn AppointedFrom = new("appointed_from", "聘期开始") { MonthPrecision = MonthPrecision.AssumeLastDay };
    public static readonly RosterColumn AppointedUntil = new("appointed_until", "聘期结束") { MonthPrecision = MonthPrecision.AssumeFirstDay };

    public static readonly RosterTableSchema Schema = new(
        "employees",
        keepsBadOptionalValues: true,
        RosterColumn.EmployeeId,
        Name,
        IdNumber,
        BirthDate,
        HireDate,
        FirstWorkDate,
        Department,
        EnterpriseCode,
        Post,
        PostCategory,
        Frontline,
        Occupation,
        Major,
        Education,
        AppointedSkillLevel,
        AppointedFrom,
        AppointedUntil);

    /// <summary>
    /// Remembers the 工号 of a row rejected for its field count, so that the employee's rows in other files are
    /// rejected as belonging to a rejected employee rather than to an unknown one. The 工号 is usually the first
    /// column, in front of the stray comma that broke the row.
    /// </summary>
    public static void ClaimMalformed(RowParser row, EmployeeDirectory employees)
    {
        var id = row.EmployeeId;
        if (!id.IsEmpty)
        {
            employees.TryClaim(id.ToString(), row.RowNumber, out _);
        }
    }

    public static void Read(RowParser row, EmployeeDirectory employees)
    {
        if (Claim(row, employees) is { } employee)
        {
            employee.Employee = Build(row, employee.Id);
        }
    }

    /// <summary>
    /// The first half of <see cref="Read"/>: claims the 工号 and checks the required columns, which decide whether the
    /// row stands; returns the builder of an accepted row (its employee not built yet), else null.
    /// </summary>
    public static EmployeeBuilder? Claim(RowParser row, EmployeeDirectory employees)
    {
        if (!row.Identifier(RosterColumn.EmployeeId, out var id))
        {
            return null;
        }

        if (!employees.TryClaim(id, row.RowNumber, out var employee))
        {
            row.Reject(RosterColumn.EmployeeId, $"工号 {id} 重复，以第 {employee.Row} 行为准");
            return null;
        }

        // Required columns first: once they pass, the row stands, so a dropped optional value is never reported
        // for a row that is then rejected as a whole.
        if (!(row.HasText(Name)
            && row.Date(HireDate, out _)
            && row.Code(PostCategory, out PostCategory _)
            && row.YesNo(Frontline, out _)))
        {
            return null;
        }

        employee.Accept();
        return employee;
    }

    /// <summary>
    /// The second half of <see cref="Read"/>: the employee of a row that <see cref="Claim"/> accepted. Bad optional
    /// values are reported and left out; the required ones were checked by <see cref="Claim"/>.
    /// </summary>
    public static Employee Build(RowParser row, string id)
    {
        row.Text(Name, out var name);
        row.Date(HireDate, out var hireDate, note: false);
        row.Code(PostCategory, out PostCategory postCategory);
        row.YesNo(Frontline, out var frontline);

        // In employees.csv these never reject the row (the schema keeps bad optional values out instead).
        row.OptionalIdNumber(IdNumber, out var idNumber);
        row.OptionalDate(BirthDate, out var birthDate);
        row.OptionalDate(FirstWorkDate, out var firstWorkDate);
        row.SharedText(Department, out var department);
        row.SharedIdentifier(EnterpriseCode, out var enterpriseCode);
        row.SharedText(Post, out var post);
        row.SharedText(Occupation, out var occupation);
        row.SharedText(Major, out var major);
        row.SharedText(Education, out var education);
        row.OptionalCode(AppointedSkillLevel, out SkillLevel? appointedSkillLevel);
        row.OptionalDate(AppointedFrom, out var appointedFrom);
        row.OptionalDate(AppointedUntil, out var appointedUntil);

        return new Employee
        {
            EmployeeId = id,
            Name = name,
            IdNumber = idNumber,
            BirthDate = birthDate,
            HireDate = hireDate,
            FirstWorkDate = firstWorkDate,
            Department = department,
            EnterpriseCode = enterpriseCode,
            Post = post,
            PostCategory = postCategory,
            Frontline = frontline,
            Occupation = occupation,
            Major = major,
            Education = education,
            AppointedSkillLevel = appointedSkillLevel,
            AppointedFrom = appointedFrom,
            AppointedUntil = appointedUntil,
            Extra = row.Extra(),
        };
    }
}
