using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Documents.Kinds;

/// <summary>资格审查结果通知 (docs/documents.md).</summary>
internal sealed class ScreeningResultNoticeKind : DocumentKindDescriptor<ScreeningResultNotice>
{
    public override string Code => "screening_result_notice";

    public override string ChineseName => "资格审查结果通知";

    public override int Order => 40;

    protected override ScreeningResultNotice Sample() => new()
    {
        Issue = SampleValues.Issue,
        Employee = SampleValues.Person,
        AsOf = new(2026, 12, 31),
        Results =
        [
            new()
            {
                Path = ScreeningPath.SkillToTitle,
                Target = "工程系列中级职称",
                Outcome = Outcome.NotEligible,
                EarliestEligibleOn = new(2027, 7, 1),
                TheoryExamExempt = true,
                Reasons = ["取得技师职业技能等级后从事技术技能工作未满3年（人社部发〔2020〕96号 二（二）1）"],
            },
        ],
        Basis = [new(Clauses.SkillToTitle)],
    };

    protected override DocumentIssue Issue(ScreeningResultNotice model) => model.Issue;

    protected override DocumentPerson? Addressee(ScreeningResultNotice model) => model.Employee;
}
