namespace EnterpriseEval.Sdk.Documents;

/// <summary>One person on a <see cref="PublicityList"/>; templates loop over <c>entries</c>.</summary>
public sealed record PublicityEntry
{
    /// <summary>工号 (<c>entry.employee_id</c>). Example: <c>HD0042</c>.</summary>
    public required string EmployeeId { get; init; }

    /// <summary>姓名 (<c>entry.name</c>). Example: <c>张伟</c>.</summary>
    public required string Name { get; init; }

    /// <summary>部门 (<c>entry.department</c>). Example: <c>机加工分厂</c>.</summary>
    public string Department { get; init; } = "";

    /// <summary>申报系列及层级 (<c>entry.applied_for</c>). Example: <c>工程系列中级</c>.</summary>
    public required string AppliedFor { get; init; }

    /// <summary>评审结果 (<c>entry.result</c>). Example: <c>通过</c>.</summary>
    public required string Result { get; init; }
}
