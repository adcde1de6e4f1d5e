using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Tables;

namespace EnterpriseEval.Sdk.Testing;

/// <summary>
/// Arranges one employee's record for a test, in the roster's terms. Starts as a frontline employee in a skill post,
/// hired on 1 January 2010, holding nothing; each method adds or changes one thing. <see cref="Build"/> may be called
/// more than once; for anything the builder does not cover, change the built record with <c>with { … }</c>.
/// </summary>
/// <example>
/// <code>
/// var record = EmployeeBuilder.Create("E1").Named("张三").HiredOn(2010, 3, 1)
///     .InSkillPost("车工", frontline: true)
///     .WithCertificate(SkillLevel.SeniorWorker, "车工", new DateOnly(2020, 1, 1))
///     .WithAssessments(AssessmentResult.Qualified, 2023, 2024, 2025)
///     .WithRows(FirmTables.ContinuingEducation, new TrainingHours(2025, 80m))
///     .Build();
/// </code>
/// </example>
public sealed class EmployeeBuilder
{
    private readonly List<SkillCertificate> _certificates = [];
    private readonly List<ProfessionalTitle> _titles = [];
    private readonly SortedDictionary<int, AssessmentResult> _assessments = [];
    private readonly List<Honour> _honours = [];
    private readonly List<Achievement> _achievements = [];
    private readonly List<WorkPeriod> _workPeriods = [];
    private readonly List<Application> _applications = [];
    private readonly Dictionary<string, string> _extraColumns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<IReadOnlyDictionary<string, string>>> _extraFiles = new(StringComparer.Ordinal);
    private readonly List<Func<EmployeeRecord, EmployeeRecord>> _tables = [];
    private Employee _employee;

    private EmployeeBuilder(string employeeId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(employeeId);
        _employee = new Employee
        {
            EmployeeId = employeeId,
            Name = "职工" + employeeId,
            HireDate = new DateOnly(2010, 1, 1),
            PostCategory = PostCategory.Skill,
            Frontline = true,
        };
    }

    /// <summary>Starts an employee with 工号 <paramref name="employeeId"/>.</summary>
    /// <param name="employeeId">The employee id, unique within the roster under test.</param>
    public static EmployeeBuilder Create(string employeeId) => new(employeeId);

    /// <summary>Sets 姓名.</summary>
    public EmployeeBuilder Named(string name) => Change(e => e with { Name = name });

    /// <summary>Sets 入职日期; cumulative work years count from it unless <see cref="StartedWorkOn"/> is given.</summary>
    public EmployeeBuilder HiredOn(int year, int month, int day) => Change(e => e with { HireDate = new DateOnly(year, month, day) });

    /// <summary>Sets 参加工作时间, from which cumulative work years count.</summary>
    public EmployeeBuilder StartedWorkOn(int year, int month, int day) => Change(e => e with { FirstWorkDate = new DateOnly(year, month, day) });

    /// <summary>Puts the employee in a skill post (技能岗位) of an occupation (职业工种).</summary>
    /// <param name="occupation">The occupation of the post, e.g. <c>车工</c>.</param>
    /// <param name="frontline">Whether the post is frontline production or service (一线).</param>
    public EmployeeBuilder InSkillPost(string occupation, bool frontline = true) =>
        Change(e => e with { PostCategory = PostCategory.Skill, Occupation = occupation, Post = occupation, Frontline = frontline });

    /// <summary>Puts the employee in a professional-technical post (专业技术岗位).</summary>
    /// <param name="post">The post's name, e.g. <c>工艺工程师</c>.</param>
    /// <param name="frontline">Whether the post is frontline.</param>
    public EmployeeBuilder InTechnicalPost(string post, bool frontline = false) =>
        Change(e => e with { PostCategory = PostCategory.Technical, Post = post, Frontline = frontline });

    /// <summary>Sets the department (部门).</summary>
    public EmployeeBuilder InDepartment(string department) => Change(e => e with { Department = department });

    /// <summary>
    /// Sets the 单位代码 (<c>enterprise_code</c>): a plug-in whose <c>plugin.json</c> declares a scope governs only
    /// employees whose code it names (docs/plugins.md, "Scope"), so give your test employees one of those codes.
    /// </summary>
    public EmployeeBuilder InEnterprise(string enterpriseCode) => Change(e => e with { EnterpriseCode = enterpriseCode });

    /// <summary>Sets 学历 and 所学专业.</summary>
    public EmployeeBuilder WithEducation(string education, string major = "") =>
        Change(e => e with { Education = education, Major = major });

    /// <summary>Appoints the employee to a skill level (在聘等级), which gives a post equivalence (岗位比照).</summary>
    /// <param name="level">The appointed level.</param>
    /// <param name="from">聘期开始.</param>
    /// <param name="until">聘期结束; null when open-ended.</param>
    public EmployeeBuilder AppointedAs(SkillLevel level, DateOnly from, DateOnly? until = null) =>
        Change(e => e with { AppointedSkillLevel = level, AppointedFrom = from, AppointedUntil = until });

    /// <summary>Adds a valid skill certificate (职业资格或职业技能等级证书).</summary>
    /// <param name="level">The certificate's level.</param>
    /// <param name="occupation">The occupation it certifies.</param>
    /// <param name="issuedOn">发证日期; the years of 96号 二（二）1 count from it.</param>
    /// <param name="certificateNo">证书编号; generated when empty.</param>
    public EmployeeBuilder WithCertificate(SkillLevel level, string occupation, DateOnly issuedOn, string certificateNo = "")
    {
        _certificates.Add(new SkillCertificate
        {
            Level = level,
            Occupation = occupation,
            IssuedOn = issuedOn,
            CertificateNo = certificateNo.Length > 0 ? certificateNo : $"{_employee.EmployeeId}-JN{_certificates.Count + 1}",
        });
        return this;
    }

    /// <summary>Adds a professional title held (职称).</summary>
    /// <param name="series">职称系列.</param>
    /// <param name="level">职称层级.</param>
    /// <param name="obtainedOn">取得日期.</param>
    /// <param name="specialty">专业.</param>
    public EmployeeBuilder WithTitle(TitleSeries series, TitleLevel level, DateOnly obtainedOn, string specialty = "")
    {
        _titles.Add(new ProfessionalTitle
        {
            Series = series,
            Level = level,
            ObtainedOn = obtainedOn,
            Specialty = specialty,
            CertificateNo = $"{_employee.EmployeeId}-ZC{_titles.Count + 1}",
        });
        return this;
    }

    /// <summary>Sets the annual assessment (年度考核) of each year given to <paramref name="result"/>.</summary>
    /// <param name="result">The result of those years.</param>
    /// <param name="years">The years, e.g. <c>2023, 2024, 2025</c>; a year given again is overwritten.</param>
    public EmployeeBuilder WithAssessments(AssessmentResult result, params int[] years)
    {
        ArgumentNullException.ThrowIfNull(years);
        foreach (var year in years)
        {
            _assessments[year] = result;
        }

        return this;
    }

    /// <summary>Adds an honour (荣誉), e.g. one that opens the green channel.</summary>
    public EmployeeBuilder WithHonour(HonourKind kind, DateOnly awardedOn)
    {
        _honours.Add(new Honour { Kind = kind, AwardedOn = awardedOn });
        return this;
    }

    /// <summary>Adds an achievement for the performance review (业绩成果).</summary>
    /// <param name="kind">类别 as the roster writes it, e.g. <c>技能竞赛获奖</c>.</param>
    /// <param name="date">日期.</param>
    /// <param name="title">名称.</param>
    /// <param name="rank">等次.</param>
    public EmployeeBuilder WithAchievement(string kind, DateOnly date, string title = "", string rank = "")
    {
        _achievements.Add(new Achievement { Kind = kind, Date = date, Title = title, Rank = rank });
        return this;
    }

    /// <summary>Adds a work period (工作经历) of one nature; <paramref name="end"/> null while ongoing.</summary>
    public EmployeeBuilder WithWorkPeriod(WorkKind kind, DateOnly start, DateOnly? end = null)
    {
        _workPeriods.Add(new WorkPeriod { Kind = kind, Start = start, End = end });
        return this;
    }

    /// <summary>
    /// Adds an application (申报) on a title path. With applications, screening makes exactly one decision per
    /// application; without, one per path and target the employee may reach.
    /// </summary>
    /// <param name="path"><see cref="ScreeningPath.SkillToTitle"/> or <see cref="ScreeningPath.GreenChannel"/>.</param>
    /// <param name="level">The title level applied for.</param>
    /// <param name="series">The series; null = the series the occupation corresponds to.</param>
    public EmployeeBuilder Applying(ScreeningPath path, TitleLevel level, TitleSeries? series = null)
    {
        _applications.Add(new Application { Path = path, TargetTitleLevel = level, TargetSeries = series });
        return this;
    }

    /// <summary>Adds an application (申报) on a skill path (see the title overload for what applications change).</summary>
    /// <param name="path"><see cref="ScreeningPath.TitleToSkill"/> or <see cref="ScreeningPath.SkillPromotion"/>.</param>
    /// <param name="level">The skill level applied for.</param>
    /// <param name="occupation">The occupation; empty = that of the current post.</param>
    public EmployeeBuilder Applying(ScreeningPath path, SkillLevel level, string occupation = "")
    {
        _applications.Add(new Application { Path = path, TargetSkillLevel = level, TargetOccupation = occupation });
        return this;
    }

    /// <summary>Sets an extra column of <c>employees.csv</c> (<see cref="Employee.Extra"/>), by header.</summary>
    public EmployeeBuilder WithExtraColumn(string header, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(header);
        _extraColumns[header] = value;
        return this;
    }

    /// <summary>
    /// Adds a row of an undeclared extra roster file (<see cref="EmployeeRecord.ExtraFiles"/>, the untyped fallback), as
    /// the roster reader would from <c>&lt;file&gt;.csv</c>: the row maps each header to its value, <c>employee_id</c>
    /// included. For a file the plug-in declares, use <see cref="WithRows{TRow}"/>.
    /// </summary>
    /// <param name="file">The file name without <c>.csv</c>, e.g. <c>continuing_education</c>.</param>
    /// <param name="values">The row's values by header, e.g. <c>("year", "2025"), ("hours", "80")</c>.</param>
    public EmployeeBuilder WithExtraRow(string file, params (string Column, string Value)[] values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        ArgumentNullException.ThrowIfNull(values);
        var row = new Dictionary<string, string>(StringComparer.Ordinal) { ["employee_id"] = _employee.EmployeeId };
        foreach (var (column, value) in values)
        {
            row[column] = value;
        }

        if (!_extraFiles.TryGetValue(file, out var rows))
        {
            _extraFiles[file] = rows = [];
        }

        rows.Add(row);
        return this;
    }

    /// <summary>
    /// Adds rows of a plug-in's declared extra table (<see cref="ExtraTable{TRow}.RowsOf"/>), as the runtime hands them to
    /// criteria once it has read and checked the file (docs/plugin-authoring.md, "Reading extra columns and files").
    /// To test how the file itself is read — its headers, its formats, what goes to <c>rejects.csv</c> — screen a roster
    /// folder with <see cref="PluginTestHost.ScreenRoster"/>.
    /// </summary>
    /// <typeparam name="TRow">The table's row type.</typeparam>
    /// <param name="table">The declared table.</param>
    /// <param name="rows">The rows, in file order.</param>
    public EmployeeBuilder WithRows<TRow>(ExtraTable<TRow> table, params TRow[] rows)
        where TRow : class
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        _tables.Add(record => record.WithRows(table, [.. table.RowsOf(record), .. rows]));
        return this;
    }

    /// <summary>The record as arranged so far.</summary>
    public EmployeeRecord Build() => _tables.Aggregate(BuildUntyped(), (record, add) => add(record));

    private EmployeeRecord BuildUntyped() => new()
    {
        Employee = _employee with { Extra = new Dictionary<string, string>(_extraColumns, StringComparer.Ordinal) },
        Certificates = [.. _certificates],
        Titles = [.. _titles],
        Assessments = [.. _assessments.Select(a => new Assessment { Year = a.Key, Result = a.Value })],
        Honours = [.. _honours],
        Achievements = [.. _achievements],
        WorkPeriods = [.. _workPeriods],
        Applications = [.. _applications],
        ExtraFiles = _extraFiles.ToDictionary(
            f => f.Key, f => (IReadOnlyList<IReadOnlyDictionary<string, string>>)[.. f.Value], StringComparer.Ordinal),
    };

    private EmployeeBuilder Change(Func<Employee, Employee> change)
    {
        _employee = change(_employee);
        return this;
    }
}
