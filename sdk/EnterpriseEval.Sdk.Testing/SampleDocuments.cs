using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Testing;

/// <summary>
/// One filled-in model per document kind, every optional value present and every list non-empty, so that rendering
/// walks every branch a template is likely to have (an <c>if</c> on an absent date, a loop over items).
/// </summary>
internal static class SampleDocuments
{
    private static readonly DocumentIssue Issue = new()
    {
        Enterprise = "示例机械有限公司",
        Department = "人力资源部",
        DocumentNumber = "示机人〔2026〕1号",
        IssuedOn = new(2026, 11, 24),
    };

    private static readonly DocumentPerson Person = new()
    {
        EmployeeId = "E0001",
        Name = "张三",
        IdNumber = "360102199001011234",
        Department = "机加工车间",
        Post = "车工",
    };

    private static readonly PayNotice Pay = new()
    {
        Issue = Issue,
        Employee = Person,
        Reason = "您经评聘为车工技师（二级）",
        Items = [new("技能津贴", 500m, new(2026, 12, 1), "《示例机械有限公司薪酬管理办法》第十条")],
        Basis = [new(Clauses.Equivalence)],
    };

    public static object For(DocumentKind kind) => kind switch
    {
        DocumentKind.PostEquivalenceNotice => new PostEquivalenceNotice
        {
            Issue = Issue,
            Employee = Person,
            Occupation = "车工",
            AppointedSkillLevel = SkillLevel.Technician,
            AppointedFrom = new(2025, 1, 1),
            AppointedUntil = new(2027, 12, 31),
            EquivalentTitleLevel = TitleLevel.Intermediate,
            InternalGrade = "T6",
        },
        DocumentKind.WageNotice or DocumentKind.AllowanceNotice => Pay,
        DocumentKind.ScreeningResultNotice => new ScreeningResultNotice
        {
            Issue = Issue,
            Employee = Person,
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
        },
        DocumentKind.PublicityList => new PublicityList
        {
            Issue = Issue,
            BatchName = "2026年度高技能人才职称自主评审",
            PublicityFrom = new(2026, 11, 25),
            PublicityUntil = new(2026, 12, 1),
            ObjectionContact = "人力资源部（电话：0791-00000000）",
            Entries = [new() { EmployeeId = "E0001", Name = "张三", Department = "机加工车间", AppliedFor = "工程系列中级", Result = "通过" }],
            Basis = [new(Clauses.SkillToTitle)],
        },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
