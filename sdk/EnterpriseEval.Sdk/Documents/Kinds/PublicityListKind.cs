using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Documents.Kinds;

/// <summary>评审结果公示: one list posted to everyone, so no addressee (docs/documents.md).</summary>
internal sealed class PublicityListKind : DocumentKindDescriptor<PublicityList>
{
    public override string Code => "publicity_list";

    public override string ChineseName => "评审结果公示";

    public override int Order => 50;

    protected override PublicityList Sample() => new()
    {
        Issue = SampleValues.Issue,
        BatchName = "2026年度高技能人才职称自主评审",
        PublicityFrom = new(2026, 11, 25),
        PublicityUntil = new(2026, 12, 1),
        ObjectionContact = "人力资源部（电话：0791-00000000）",
        Entries = [new() { EmployeeId = "E0001", Name = "张三", Department = "机加工车间", AppliedFor = "工程系列中级", Result = "通过" }],
        Basis = [new(Clauses.SkillToTitle)],
    };

    protected override DocumentIssue Issue(PublicityList model) => model.Issue;
}
