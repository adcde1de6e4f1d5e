namespace EnterpriseEval.Sdk.Documents;

/// <summary>
/// The model of a 评审结果通知 (<see cref="DocumentKind.ReviewResultNotice"/>), issued by <c>review issue</c> to each
/// candidate the committee passed and nobody objected to during the publicity: what was passed, by which vote,
/// after which publicity, and the signed audit record the notice rests on (docs/security.md).
/// </summary>
public sealed record ReviewResultNotice
{
    /// <summary>发文信息 (<c>issue</c>).</summary>
    public required DocumentIssue Issue { get; init; }

    /// <summary>受文职工 (<c>employee</c>).</summary>
    public required DocumentPerson Employee { get; init; }

    /// <summary>评审批次 (<c>batch_name</c>). Example: <c>2026年度2026-工程自主评审</c>.</summary>
    public required string BatchName { get; init; }

    /// <summary>申报系列及层级 (<c>applied_for</c>). Example: <c>工程系列中级职称（技能人才申报职称）</c>.</summary>
    public required string AppliedFor { get; init; }

    /// <summary>评审结果 (<c>result</c>). Example: <c>评审通过</c>.</summary>
    public required string Result { get; init; }

    /// <summary>评审委员会委员人数 (<c>committee</c>). Example: <c>15</c>.</summary>
    public int Committee { get; init; }

    /// <summary>出席委员人数 (<c>present</c>). Example: <c>12</c>.</summary>
    public int Present { get; init; }

    /// <summary>赞成票数 (<c>votes_for</c>). Example: <c>10</c>.</summary>
    public int VotesFor { get; init; }

    /// <summary>表决日期 (<c>voted_on</c>), may be absent; printed as <c>2026年12月30日</c>.</summary>
    public DateOnly? VotedOn { get; init; }

    /// <summary>公示开始日期 (<c>publicity_from</c>); printed as <c>2026年12月31日</c>.</summary>
    public required DateOnly PublicityFrom { get; init; }

    /// <summary>公示结束日期 (<c>publicity_until</c>); printed as <c>2027年1月7日</c>.</summary>
    public required DateOnly PublicityUntil { get; init; }

    /// <summary>自主评审授权 (<c>authorisation</c>), may be empty. Example: <c>江西省人力资源和社会保障厅 赣人社字〔2025〕18号</c>.</summary>
    public string Authorisation { get; init; } = "";

    /// <summary>资格审查意见 (<c>screening_reasons</c>), the screening's reasons as one text, may be empty.</summary>
    public string ScreeningReasons { get; init; } = "";

    /// <summary>业绩评审积分 (<c>scores</c>, a list of <see cref="ReviewScore"/>), empty when the batch scores nothing.</summary>
    public IReadOnlyList<ReviewScore> Scores { get; init; } = [];

    /// <summary>
    /// 审计链锚点 (<c>audit_anchor</c>): the signed record of the review store the notice is issued on, for
    /// <c>review verify --anchor</c>. Example: <c>审计记录第 9 条，哈希 …，HMAC-SHA256 签名 …（密钥编号 …）</c>.
    /// </summary>
    public string AuditAnchor { get; init; } = "";

    /// <summary>政策依据 (<c>basis</c>). Example item: <c>96/2.2.1</c>.</summary>
    public IReadOnlyList<PolicyBasis> Basis { get; init; } = [];
}

/// <summary>One achievement score on a <see cref="ReviewResultNotice"/>; templates loop over <c>scores</c>.</summary>
public sealed record ReviewScore
{
    /// <summary>评分来源 (<c>score.source</c>): the plug-in that scored. Example: <c>ganpower-supply</c>.</summary>
    public required string Source { get; init; }

    /// <summary>积分 (<c>score.total</c>); printed as <c>72.50</c>.</summary>
    public required decimal Total { get; init; }

    /// <summary>合格线 (<c>score.pass_mark</c>); printed as <c>60.00</c>.</summary>
    public required decimal PassMark { get; init; }
}
