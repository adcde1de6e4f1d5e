using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Engine.Tests.Documents;

/// <summary>Fixed document models: the data behind the golden files. Change them only with the golden files.</summary>
internal static class DocumentSamples
{
    internal const string RawIdNumber = "360102199001011234";
    internal const string MaskedIdNumber = "360102********1234";

    internal static DocumentIssue Issue { get; } = new()
    {
        Enterprise = "江西洪都精工集团有限公司",
        Department = "人力资源部",
        DocumentNumber = "洪精人〔2026〕15号",
        IssuedOn = new(2026, 11, 24),
    };

    internal static DocumentPerson Person { get; } = new()
    {
        EmployeeId = "HD0042",
        Name = "张伟",
        IdNumber = RawIdNumber,
        Department = "机加工分厂",
        Post = "数控车工",
    };

    internal static PostEquivalenceNotice PostEquivalence(DocumentPerson? person = null) => new()
    {
        Issue = Issue,
        Employee = person ?? Person,
        Occupation = "车工",
        AppointedSkillLevel = SkillLevel.Technician,
        AppointedFrom = new(2025, 1, 1),
        AppointedUntil = new(2027, 12, 31),
        EquivalentTitleLevel = TitleLevel.Intermediate,
        InternalGrade = "专业技术岗位九级",
    };

    internal static PayNotice Wage { get; } = new()
    {
        Issue = Issue with { DocumentNumber = "洪精人〔2026〕16号" },
        Employee = Person,
        Reason = "您经评聘为车工技师（二级），聘期自2026年12月1日起",
        Items =
        [
            new("岗位工资（技师岗）", 3650m, new(2026, 12, 1), "《江西洪都精工集团技能人才薪酬管理办法》第八条"),
            new("能力工资（技师）", 1002.30m, new(2026, 12, 1), "《江西洪都精工集团技能人才薪酬管理办法》第十条"),
        ],
        Basis = [new(Clauses.Equivalence)],
    };

    internal static PayNotice Allowance { get; } = new()
    {
        Issue = Issue with { DocumentNumber = "洪精人〔2026〕17号" },
        Employee = Person,
        Reason = "您经评聘为车工技师（二级），并承担传技带徒任务",
        Items =
        [
            new("技能津贴", 500m, new(2026, 12, 1), "《江西洪都精工集团技能人才薪酬管理办法》第十二条"),
            new("带徒津贴", 300m, new(2027, 1, 1), "《江西洪都精工集团导师带徒管理办法》第六条"),
        ],
        Basis = [new(Clauses.Equivalence)],
    };

    internal static ScreeningResultNotice ScreeningResult { get; } = new()
    {
        Issue = Issue with { DocumentNumber = "洪精人〔2026〕18号" },
        Employee = Person,
        AsOf = new(2026, 12, 31),
        Results =
        [
            new()
            {
                Path = ScreeningPath.SkillToTitle,
                Target = "工程系列中级职称",
                Outcome = Outcome.Eligible,
                Reasons = ["取得技师职业技能等级后从事技术技能工作已满3年（人社部发〔2020〕96号 二（二）1）", "近3年年度考核均为合格以上（人社部发〔2020〕96号 二（二）1）"],
            },
            new()
            {
                Path = ScreeningPath.SkillToTitle,
                Target = "工程系列副高级职称",
                Outcome = Outcome.NotEligible,
                EarliestEligibleOn = new(2029, 7, 1),
                Reasons = ["取得高级技师职业技能等级后从事技术技能工作未满4年（人社部发〔2020〕96号 二（二）1）"],
            },
            new()
            {
                Path = ScreeningPath.GreenChannel,
                Target = "工程系列副高级职称",
                Outcome = Outcome.NotEligible,
                Reasons = ["未获得绿色通道所列荣誉（人社部发〔2020〕96号 二（二）3）"],
            },
        ],
        Basis = [new(Clauses.SkillToTitle), new(Clauses.GreenChannel)],
    };

    internal static PublicityList Publicity { get; } = new()
    {
        Issue = Issue with { DocumentNumber = "洪精人〔2026〕19号" },
        BatchName = "2026年度工程系列高技能人才职称自主评审",
        PublicityFrom = new(2026, 11, 25),
        PublicityUntil = new(2026, 12, 1),
        ObjectionContact = "集团公司人力资源部（电话：0791-88880000）",
        Entries =
        [
            new() { EmployeeId = "HD0042", Name = "张伟", Department = "机加工分厂", AppliedFor = "工程系列中级", Result = "通过" },
            new() { EmployeeId = "HD0107", Name = "李娜", Department = "装配分厂", AppliedFor = "工程系列助理级", Result = "通过" },
            new() { EmployeeId = "HD0213", Name = "王强", Department = "设备动力部", AppliedFor = "工程系列副高级", Result = "通过" },
        ],
        Basis = [new(Clauses.SkillToTitle), new("96/2.3")],
    };

    internal static ReviewResultNotice ReviewResult { get; } = new()
    {
        Issue = Issue with { DocumentNumber = "洪精人〔2027〕评3号", IssuedOn = new(2027, 1, 8) },
        Employee = Person,
        BatchName = "2026年度工程系列职称自主评审",
        AppliedFor = "工程系列中级职称（技能人才评职称）",
        Result = "评审通过",
        Committee = 15,
        Present = 12,
        VotesFor = 10,
        VotedOn = new(2026, 12, 30),
        PublicityFrom = new(2026, 12, 31),
        PublicityUntil = new(2027, 1, 7),
        Authorisation = "江西省人力资源和社会保障厅 赣人社字〔2025〕18号（工程系列，至中级）",
        ScreeningReasons = "取得技师职业技能等级后从事技术技能工作满3年（人社部发〔2020〕96号 二（二）1）",
        Scores = [new() { Source = "hongdu-precision", Total = 72.5m, PassMark = 60m }],
        AuditAnchor = "审计记录第 9 条，哈希 3f2a9c0d，HMAC-SHA256 签名 8b1e77aa（密钥编号 5c0ffee1）",
        Basis = [new(Clauses.SkillToTitle)],
    };

    /// <summary>The sample model of each kind; a kind without one here renders its descriptor's sample.</summary>
    internal static object For(DocumentKind kind) => kind switch
    {
        { Code: "post_equivalence_notice" } => PostEquivalence(),
        { Code: "wage_notice" } => Wage,
        { Code: "allowance_notice" } => Allowance,
        { Code: "screening_result_notice" } => ScreeningResult,
        { Code: "publicity_list" } => Publicity,
        { Code: "review_result_notice" } => ReviewResult,
        _ => kind.SampleModel(),
    };
}
