using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Sdk.Documents.Kinds;

/// <summary>岗位比照通知书 (docs/documents.md).</summary>
internal sealed class PostEquivalenceNoticeKind : DocumentKindDescriptor<PostEquivalenceNotice>
{
    public override string Code => "post_equivalence_notice";

    public override string ChineseName => "岗位比照通知书";

    public override int Order => 10;

    protected override PostEquivalenceNotice Sample() => new()
    {
        Issue = SampleValues.Issue,
        Employee = SampleValues.Person,
        Occupation = "车工",
        AppointedSkillLevel = SkillLevel.Technician,
        AppointedFrom = new(2025, 1, 1),
        AppointedUntil = new(2027, 12, 31),
        EquivalentTitleLevel = TitleLevel.Intermediate,
        InternalGrade = "T6",
    };

    protected override DocumentIssue Issue(PostEquivalenceNotice model) => model.Issue;

    protected override DocumentPerson? Addressee(PostEquivalenceNotice model) => model.Employee;
}
