namespace EnterpriseEval.Sdk.Documents;

/// <summary>
/// The model of a 评审结果公示 (<see cref="DocumentKind.PublicityList"/>): the results of a review batch, posted for
/// objections during the publicity period (samples/review/README.md).
/// </summary>
public sealed record PublicityList
{
    /// <summary>发文信息 (<c>issue</c>).</summary>
    public required DocumentIssue Issue { get; init; }

    /// <summary>
    /// 评审批次 (<c>batch_name</c>), naming the review itself; the default template adds 工作 and 结果公示 to it. Example:
    /// <c>2026年度工程系列高技能人才职称自主评审</c>.
    /// </summary>
    public required string BatchName { get; init; }

    /// <summary>公示开始日期 (<c>publicity_from</c>); printed as <c>2026年11月25日</c>.</summary>
    public required DateOnly PublicityFrom { get; init; }

    /// <summary>公示结束日期 (<c>publicity_until</c>); printed as <c>2026年12月1日</c>.</summary>
    public required DateOnly PublicityUntil { get; init; }

    /// <summary>
    /// 异议受理 (<c>objection_contact</c>): where objections go. Example: <c>公司人力资源部（电话：0791-88880000）</c>.
    /// </summary>
    public required string ObjectionContact { get; init; }

    /// <summary>公示名单 (<c>entries</c>, a list of <see cref="PublicityEntry"/>).</summary>
    public required IReadOnlyList<PublicityEntry> Entries { get; init; }

    /// <summary>
    /// 程序 (<c>procedure</c>): how the people listed were selected, read after 经 in the opening sentence.
    /// Example: <c>个人申报、资格审查和评审委员会评审</c> (the default, after a committee vote) or <c>个人申报和资格审查</c>.
    /// </summary>
    public string Procedure { get; init; } = "个人申报、资格审查和评审委员会评审";

    /// <summary>人数 (<c>person_count</c>): how many different people are listed (one person may apply on two paths). Example: <c>15</c>.</summary>
    public int PersonCount => Entries.Select(e => e.EmployeeId).Distinct(StringComparer.Ordinal).Count();

    /// <summary>政策依据 (<c>basis</c>). Example item: <c>96/2.2.1</c>.</summary>
    public IReadOnlyList<PolicyBasis> Basis { get; init; } = [];
}
