namespace EnterpriseEval.Sdk.Documents.Kinds;

/// <summary>薪酬调整通知书 (docs/documents.md).</summary>
internal sealed class WageNoticeKind : DocumentKindDescriptor<PayNotice>
{
    public override string Code => "wage_notice";

    public override string ChineseName => "薪酬调整通知书";

    public override int Order => 20;

    protected override PayNotice Sample() => SampleValues.Pay;

    protected override DocumentIssue Issue(PayNotice model) => model.Issue;

    protected override DocumentPerson? Addressee(PayNotice model) => model.Employee;
}
