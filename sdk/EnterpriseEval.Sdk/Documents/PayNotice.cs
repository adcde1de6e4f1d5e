namespace EnterpriseEval.Sdk.Documents;

/// <summary>
/// The model of a 薪酬调整通知书 (<see cref="DocumentKind.WageNotice"/>) or a 津贴发放通知
/// (<see cref="DocumentKind.AllowanceNotice"/>): what changes, by how much, from when and why.
/// </summary>
public sealed record PayNotice
{
    /// <summary>发文信息 (<c>issue</c>).</summary>
    public required DocumentIssue Issue { get; init; }

    /// <summary>受文职工 (<c>employee</c>).</summary>
    public required DocumentPerson Employee { get; init; }

    /// <summary>
    /// 调整事由 (<c>reason</c>): one sentence, no final full stop. Example:
    /// <c>您经评聘为车工技师（二级），聘期自2026年12月1日起</c>.
    /// </summary>
    public required string Reason { get; init; }

    /// <summary>项目明细 (<c>items</c>, a list of <see cref="PayItem"/>).</summary>
    public required IReadOnlyList<PayItem> Items { get; init; }

    /// <summary>合计 (<c>total</c>): the sum of the item amounts; printed as <c>1,800.00</c>.</summary>
    public decimal Total => Items.Sum(i => i.Amount);

    /// <summary>政策依据 (<c>basis</c>). Example item: <c>96/2.5</c> (设立技能人才津贴等, 96号 二（五）).</summary>
    public IReadOnlyList<PolicyBasis> Basis { get; init; } = [];
}
