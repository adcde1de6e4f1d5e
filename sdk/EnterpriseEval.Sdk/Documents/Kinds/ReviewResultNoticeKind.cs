using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Documents.Kinds;

/// <summary>评审结果通知, issued by <c>review issue</c> (docs/documents.md).</summary>
internal sealed class ReviewResultNoticeKind : DocumentKindDescriptor<ReviewResultNotice>
{
    public override string Code => "review_result_notice";

    public override string ChineseName => "评审结果通知";

    public override int Order => 60;

    protected override ReviewResultNotice Sample() => new()
    {
        Issue = SampleValues.Issue,
        Employee = SampleValues.Person,
        BatchName = "2026年度工程系列自主评审",
        AppliedFor = "工程系列中级职称（技能人才申报职称）",
        Result = "评审通过",
        Committee = 15,
        Present = 12,
        VotesFor = 10,
        VotedOn = new(2026, 11, 20),
        PublicityFrom = new(2026, 11, 23),
        PublicityUntil = new(2026, 11, 27),
        Authorisation = "江西省人力资源和社会保障厅 赣人社字〔2025〕18号",
        ScreeningReasons = "取得技师职业技能等级后从事技术技能工作满3年，可申报中级职称（人社部发〔2020〕96号 二（二）1）",
        Scores = [new() { Source = "示例插件", Total = 72.5m, PassMark = 60m }],
        AuditAnchor = "审计记录第 9 条，哈希 0000000000000000，HMAC-SHA256 签名 0000000000000000（密钥编号 00000000）",
        Basis = [new(Clauses.SkillToTitle)],
    };

    protected override DocumentIssue Issue(ReviewResultNotice model) => model.Issue;

    protected override DocumentPerson? Addressee(ReviewResultNotice model) => model.Employee;
}
