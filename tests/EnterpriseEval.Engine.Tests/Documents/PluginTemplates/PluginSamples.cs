using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Engine.Tests.Documents.PluginTemplates;

/// <summary>
/// Fixed document models of the shipped plug-ins' firms, taken from the sample rosters (黄金龙 HM0016, 胡长林 GP0014,
/// cut-off 2026-12-31) with the items their pay tables give by default: the data behind the plug-in golden files.
/// </summary>
internal static class PluginSamples
{
    private static readonly DocumentIssue GanjiangIssue = new()
    {
        Enterprise = "赣江重型机械有限公司",
        Department = "人力资源部",
        DocumentNumber = "赣重人〔2027〕3号",
        IssuedOn = new(2027, 1, 8),
    };

    private static readonly DocumentPerson GanjiangPerson = new()
    {
        EmployeeId = "HM0016",
        Name = "黄金龙",
        IdNumber = "360102197808081176",
        Department = "机加工车间",
        Post = "数控车工（特级技师）",
    };

    private static readonly DocumentIssue GanpowerIssue = new()
    {
        Enterprise = "赣电供电服务有限公司",
        Department = "人力资源部",
        DocumentNumber = "赣电供人〔2027〕5号",
        IssuedOn = new(2027, 1, 12),
    };

    private static readonly DocumentPerson GanpowerPerson = new()
    {
        EmployeeId = "GP0014",
        Name = "胡长林",
        IdNumber = "36012219760602163X",
        Department = "输电运检中心",
        Post = "送电线路工（带电作业）",
    };

    private static readonly DateOnly PayStart = new(2027, 1, 1);

    private static readonly string Policy = PolicyCitation.Format(Clauses.Equivalence);

    /// <summary>The sample model of a kind for a plug-in's firm.</summary>
    internal static object For(ShippedPlugin plugin, DocumentKind kind) => (plugin.Id, kind) switch
    {
        ("ganjiang-heavy", { Code: "post_equivalence_notice" }) => new PostEquivalenceNotice
        {
            Issue = GanjiangIssue with { DocumentNumber = "赣重人〔2027〕2号" },
            Employee = GanjiangPerson,
            Occupation = "数控车工",
            AppointedSkillLevel = SkillLevel.PrincipalTechnician,
            AppointedFrom = new(2025, 7, 1),
            AppointedUntil = new(2028, 6, 30),
            EquivalentTitleLevel = TitleLevel.Senior,
            InternalGrade = "T7 特级技师岗",
        },
        ("ganjiang-heavy", { Code: "wage_notice" }) => new PayNotice
        {
            Issue = GanjiangIssue,
            Employee = GanjiangPerson,
            Reason = "您经聘任为数控车工特级技师，聘期自2025年7月1日至2028年6月30日",
            Items = [new("岗位技能工资（T7 特级技师岗）", 2500m, PayStart, $"《赣江重机技能人才薪酬分配办法》第八条；{Policy}")],
            Basis = [new(Clauses.Equivalence)],
        },
        ("ganjiang-heavy", { Code: "allowance_notice" }) => new PayNotice
        {
            Issue = GanjiangIssue with { DocumentNumber = "赣重人〔2027〕4号" },
            Employee = GanjiangPerson,
            Reason = "您持有高级技师职业资格证书，现带徒1名，并获全国技术能手荣誉",
            Items =
            [
                new("技能津贴（高级技师）", 600m, PayStart, $"《赣江重机技能人才薪酬分配办法》第十条；{Policy}"),
                new("带徒津贴（徒弟1名）", 200m, PayStart, $"《赣江重机技能人才薪酬分配办法》第十一条；{Policy}"),
                new("特聘岗位津贴", 1000m, PayStart, $"《赣江重机技能人才薪酬分配办法》第十二条；{Policy}"),
            ],
            Basis = [new(Clauses.Equivalence)],
        },
        ("ganpower-supply", { Code: "post_equivalence_notice" }) => new PostEquivalenceNotice
        {
            Issue = GanpowerIssue with { DocumentNumber = "赣电供人〔2027〕4号" },
            Employee = GanpowerPerson,
            Occupation = "送电线路工",
            AppointedSkillLevel = SkillLevel.PrincipalTechnician,
            AppointedFrom = new(2025, 1, 1),
            AppointedUntil = new(2027, 12, 31),
            EquivalentTitleLevel = TitleLevel.Senior,
        },
        ("ganpower-supply", { Code: "wage_notice" }) => new PayNotice
        {
            Issue = GanpowerIssue,
            Employee = GanpowerPerson,
            Reason = "您经聘任为送电线路工特级技师，聘期自2025年1月1日至2027年12月31日",
            Items = [new("岗位工资档次调整（技能六档）", 2000m, PayStart, $"《赣电供电技能人才薪酬管理细则》第六条；{Policy}")],
            Basis = [new(Clauses.Equivalence)],
        },
        ("ganpower-supply", { Code: "allowance_notice" }) => new PayNotice
        {
            Issue = GanpowerIssue with { DocumentNumber = "赣电供人〔2027〕6号" },
            Employee = GanpowerPerson,
            Reason = "您持有高级技师职业资格证书，业绩评审积分达到合格线",
            Items =
            [
                new("能级津贴（高级技师）", 800m, PayStart, $"《赣电供电技能人才薪酬管理细则》第九条；{Policy}"),
                new("业绩积分奖励（积分120分）", 300m, PayStart, $"《赣电供电技能人才薪酬管理细则》第十一条；《赣电供电技能人才业绩评审量化积分细则》第九条；{Policy}"),
            ],
            Basis = [new(Clauses.Equivalence)],
        },
        ("ganpower-supply", { Code: "publicity_list" }) => new PublicityList
        {
            Issue = GanpowerIssue with { DocumentNumber = "赣电供人〔2026〕公示1号", IssuedOn = new(2026, 12, 31) },
            BatchName = "2026年度工程系列职称自主评审",
            PublicityFrom = new(2026, 12, 31),
            PublicityUntil = new(2027, 1, 7),
            ObjectionContact = "公司人力资源部（电话：0791-88123456）",
            Entries =
            [
                new() { EmployeeId = "GP0002", Name = "刘志军", Department = "变电运维中心", AppliedFor = "工程系列中级职称（技能人才评职称）", Result = "评审通过" },
                new() { EmployeeId = "GP0014", Name = "胡长林", Department = "输电运检中心", AppliedFor = "工程系列助理级职称（技能人才评职称）", Result = "评审通过" },
            ],
            Basis = [new(Clauses.SkillToTitle), new("96/2.3")],
        },
        ("ganpower-supply", { Code: "review_result_notice" }) => new ReviewResultNotice
        {
            Issue = GanpowerIssue with { DocumentNumber = "赣电供人〔2027〕评1号", IssuedOn = new(2027, 1, 8) },
            Employee = GanpowerPerson with { EmployeeId = "GP0002", Name = "刘志军", IdNumber = "360103198306150494", Department = "变电运维中心", Post = "变电站运行值班员（值长）" },
            BatchName = "2026年度工程系列职称自主评审",
            AppliedFor = "工程系列中级职称（技能人才评职称）",
            Result = "评审通过",
            Committee = 15,
            Present = 12,
            VotesFor = 11,
            VotedOn = new(2026, 12, 30),
            PublicityFrom = new(2026, 12, 31),
            PublicityUntil = new(2027, 1, 7),
            Authorisation = "江西省人力资源和社会保障厅 赣人社字〔2025〕18号",
            ScreeningReasons = "取得技师职业技能等级后从事技术技能工作满3年（人社部发〔2020〕96号 二（二）1）",
            Scores = [new() { Source = "ganpower-supply", Total = 86m, PassMark = 60m }],
            AuditAnchor = "审计记录第 9 条，哈希 3f2a9c0d，HMAC-SHA256 签名 8b1e77aa（密钥编号 5c0ffee1）",
            Basis = [new(Clauses.SkillToTitle)],
        },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"{plugin.Id} 没有{kind.ToChinese()}的样例"),
    };
}
