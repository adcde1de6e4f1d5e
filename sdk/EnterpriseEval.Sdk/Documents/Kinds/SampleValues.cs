namespace EnterpriseEval.Sdk.Documents.Kinds;

/// <summary>The letterhead and person the sample models of the shipped kinds share.</summary>
internal static class SampleValues
{
    public static DocumentIssue Issue => new()
    {
        Enterprise = "示例机械有限公司",
        Department = "人力资源部",
        DocumentNumber = "示机人〔2026〕1号",
        IssuedOn = new(2026, 11, 24),
    };

    public static DocumentPerson Person => new()
    {
        EmployeeId = "E0001",
        Name = "张三",
        IdNumber = "360102199001011234",
        Department = "机加工车间",
        Post = "车工",
    };

    public static PayNotice Pay => new()
    {
        Issue = Issue,
        Employee = Person,
        Reason = "您经评聘为车工技师（二级）",
        Items = [new("技能津贴", 500m, new(2026, 12, 1), "《示例机械有限公司薪酬管理办法》第十条")],
        Basis = [new(Screening.Clauses.Equivalence)],
    };
}
