using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Tests.Documents.NewKind;

/// <summary>
/// The descriptor of the test-only kind <c>title_appointment_notice</c>. In the SDK a descriptor sits in
/// <c>Documents/Kinds/</c> and its templates in <c>Documents/Templates/</c> (already embedded); here, in another
/// assembly, the templates are embedded by this project and named by <see cref="TemplateResourcePrefix"/>.
/// </summary>
internal sealed class TitleAppointmentNoticeKind : DocumentKindDescriptor<TitleAppointmentNotice>
{
    public override string Code => "title_appointment_notice";

    public override string ChineseName => "职称聘任通知书";

    public override int Order => 70;

    protected override string TemplateResourcePrefix => "EnterpriseEval.Engine.Tests.Documents.NewKind.Templates.";

    protected override TitleAppointmentNotice Sample() => new()
    {
        Issue = DocumentSamples.Issue with { DocumentNumber = "洪精人〔2027〕聘1号" },
        Employee = DocumentSamples.Person,
        TitleLevel = TitleLevel.Intermediate,
        Post = "机械工程师",
        AppointedFrom = new(2027, 2, 1),
    };

    protected override DocumentIssue Issue(TitleAppointmentNotice model) => model.Issue;

    protected override DocumentPerson? Addressee(TitleAppointmentNotice model) => model.Employee;
}
