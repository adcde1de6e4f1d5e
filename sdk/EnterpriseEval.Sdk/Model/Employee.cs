namespace EnterpriseEval.Sdk.Model;

/// <summary>One employee as read from <c>employees.csv</c> (docs/roster.md). Values are already parsed and typed.</summary>
public sealed record Employee
{
    /// <summary>工号: unique within the roster.</summary>
    public required string EmployeeId { get; init; }

    /// <summary>姓名.</summary>
    public required string Name { get; init; }

    /// <summary>身份证号 (18 characters, check digit verified), when given.</summary>
    public string? IdNumber { get; init; }

    /// <summary>出生日期.</summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>入职日期.</summary>
    public required DateOnly HireDate { get; init; }

    /// <summary>参加工作时间, when given; cumulative work years count from it (else from <see cref="HireDate"/>).</summary>
    public DateOnly? FirstWorkDate { get; init; }

    /// <summary>部门.</summary>
    public string Department { get; init; } = "";

    /// <summary>
    /// 单位代码: the code of the employing unit (a subsidiary of a group), empty when the roster has none. A plug-in's
    /// scope (<c>plugin.json</c> <c>scope.enterpriseCodes</c>) names the codes of the employees it governs
    /// (docs/plugins.md, "Scope").
    /// </summary>
    public string EnterpriseCode { get; init; } = "";

    /// <summary>岗位.</summary>
    public string Post { get; init; } = "";

    /// <summary>岗位类别.</summary>
    public required PostCategory PostCategory { get; init; }

    /// <summary>是否一线: works in a frontline production or service post.</summary>
    public required bool Frontline { get; init; }

    /// <summary>职业工种 of the current post (empty when the post has none).</summary>
    public string Occupation { get; init; } = "";

    /// <summary>所学专业.</summary>
    public string Major { get; init; } = "";

    /// <summary>学历. Never a restricting condition on the skill-to-title path (96号 二（二）1).</summary>
    public string Education { get; init; } = "";

    /// <summary>在聘等级: the skill level the employee is appointed to, when appointed.</summary>
    public SkillLevel? AppointedSkillLevel { get; init; }

    /// <summary>聘期开始.</summary>
    public DateOnly? AppointedFrom { get; init; }

    /// <summary>聘期结束 (absent = open-ended).</summary>
    public DateOnly? AppointedUntil { get; init; }

    /// <summary>The date cumulative work years count from: 参加工作时间, else 入职日期.</summary>
    public DateOnly WorkStart => FirstWorkDate ?? HireDate;

    /// <summary>Columns of the roster the SDK does not know, by header as written in the file; for plug-ins.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = EmptyExtra.Instance;
}
