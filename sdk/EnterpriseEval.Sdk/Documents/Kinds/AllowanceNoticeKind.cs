namespace EnterpriseEval.Sdk.Documents.Kinds;

/// <summary>津贴发放通知 (docs/documents.md).</summary>
internal sealed class AllowanceNoticeKind : DocumentKindDescriptor<PayNotice>
{
    public override string Code => "allowance_notice";

    public override string ChineseName => "津贴发放通知";

    public override int Order => 30;

    protected override PayNotice Sample() => SampleValues.Pay;

    protected override DocumentIssue Issue(PayNotice model) => model.Issue;

    protected override DocumentPerson? Addressee(PayNotice model) => model.Employee;
}
