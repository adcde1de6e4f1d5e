namespace EnterpriseEval.Sdk.Documents;

/// <summary>The employee a notice is addressed to. Templates see it as <c>employee</c>.</summary>
public sealed record DocumentPerson
{
    /// <summary>工号 (<c>employee.employee_id</c>). Example: <c>HD0042</c>.</summary>
    public required string EmployeeId { get; init; }

    /// <summary>姓名 (<c>employee.name</c>). Example: <c>张伟</c>.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// 身份证号 (<c>employee.id_number</c>), empty when unknown. The renderer masks it unless configured not to:
    /// <c>360102199001011234</c> prints as <c>360102********1234</c>.
    /// </summary>
    public string IdNumber { get; init; } = "";

    /// <summary>部门 (<c>employee.department</c>). Example: <c>机加工分厂</c>.</summary>
    public string Department { get; init; } = "";

    /// <summary>岗位 (<c>employee.post</c>). Example: <c>数控车工</c>.</summary>
    public string Post { get; init; } = "";

    // ToString (logs, a template printing the record) never shows the identity number in full.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("EmployeeId = ").Append(EmployeeId)
            .Append(", Name = ").Append(Name)
            .Append(", IdNumber = ").Append(IdentityNumber.Mask(IdNumber))
            .Append(", Department = ").Append(Department)
            .Append(", Post = ").Append(Post);
        return true;
    }
}
