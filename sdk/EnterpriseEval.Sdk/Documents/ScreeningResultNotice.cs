namespace EnterpriseEval.Sdk.Documents;

/// <summary>
/// The model of a 资格审查结果通知 (<see cref="DocumentKind.ScreeningResultNotice"/>): what an employee may apply
/// for, why or why not, and from which date.
/// </summary>
public sealed record ScreeningResultNotice
{
    /// <summary>发文信息 (<c>issue</c>).</summary>
    public required DocumentIssue Issue { get; init; }

    /// <summary>受文职工 (<c>employee</c>).</summary>
    public required DocumentPerson Employee { get; init; }

    /// <summary>审查截止日期 (<c>as_of</c>); printed as <c>2026年12月31日</c>.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>审查结果 (<c>results</c>, a list of <see cref="ScreeningResultItem"/>).</summary>
    public required IReadOnlyList<ScreeningResultItem> Results { get; init; }

    /// <summary>政策依据 (<c>basis</c>). Example item: <c>96/2.2.1</c>.</summary>
    public IReadOnlyList<PolicyBasis> Basis { get; init; } = [];
}
