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
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"{plugin.Id} 没有{kind.ToChinese()}的样例"),
    };
}
