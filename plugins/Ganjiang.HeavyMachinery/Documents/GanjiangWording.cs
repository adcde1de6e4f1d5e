using EnterpriseEval.Sdk.Model;

namespace Ganjiang.HeavyMachinery.Documents;

/// <summary>
/// The firm's own wording in its notices: the pay item names the tables issue, and the pure template functions
/// <c>ganjiang_grade_duty</c> and <c>ganjiang_item_note</c>. Depends on nothing but the SDK vocabulary, so the
/// template golden tests compile this very file instead of a copy of it.
/// </summary>
internal static class GanjiangWording
{
    /// <summary>岗位技能工资 (wage item).</summary>
    public const string PostWage = "岗位技能工资";

    /// <summary>技能津贴 (allowance item).</summary>
    public const string SkillAllowance = "技能津贴";

    /// <summary>带徒津贴 (allowance item).</summary>
    public const string MentoringAllowance = "带徒津贴";

    /// <summary>特聘岗位津贴 (allowance item).</summary>
    public const string SpecialPostAllowance = "特聘岗位津贴";

    // Item names carry a detail in brackets (技能津贴（技师）), so notes are found by the name's start.
    private static readonly (string Item, string Note)[] ItemNotes =
    [
        (PostWage, "按在聘岗位等级确定，在聘期间按月发放；聘期届满未续聘或者解聘的，自次月起停发"),
        (SkillAllowance, "按本人取得的最高等级有效职业资格（职业技能等级）证书确定，取得更高等级证书的，自次月起按新等级发放；证书被撤销的，自次月起停发"),
        (MentoringAllowance, "按核定时带徒协议期内的徒弟人数逐人计发，计发人数不超过薪酬分配办法规定的上限；带徒协议期满或者解除的，自次月起相应减发"),
        (SpecialPostAllowance, "发放给获得中华技能大奖或者全国技术能手、担任国家级技能大师工作室带头人、享受省级以上政府特殊津贴或者被认定为省级“高精尖缺”高技能人才的高技能领军人才，同时具备多项的不重复发放"),
    ];

    /// <summary>
    /// <c>ganjiang_grade_duty</c>: the duties of the firm's skill post for an appointed level, e.g. for 技师
    /// “承担本工种关键工序操作和一般技术难题攻关，每个聘期传技带徒不少于两名”; empty below 高级工.
    /// </summary>
    public static string GradeDuty(SkillLevel level) => level switch
    {
        SkillLevel.SeniorWorker => "独立完成本工种复杂工序操作，指导初级工、中级工开展生产作业",
        SkillLevel.Technician => "承担本工种关键工序操作和一般技术难题攻关，每个聘期传技带徒不少于两名",
        SkillLevel.SeniorTechnician => "承担本专业疑难技术问题攻关和工艺改进，组织技能培训，每个聘期传技带徒不少于三名",
        SkillLevel.PrincipalTechnician => "牵头本专业重大技术攻关和技能人才培养，参与公司技术标准和工艺规程制定",
        SkillLevel.ChiefTechnician => "领衔公司技能大师工作室，主持跨专业重大技术攻关，参与公司技能人才发展规划",
        _ => "",
    };

    /// <summary>
    /// <c>ganjiang_item_note</c>: how the firm pays an item of its pay tables, by the item's name; a name the tables
    /// do not issue gets the general rule.
    /// </summary>
    public static string ItemNote(string itemName)
    {
        foreach (var (item, note) in ItemNotes)
        {
            if (itemName.StartsWith(item, StringComparison.Ordinal))
            {
                return note;
            }
        }

        return "按《赣江重机技能人才薪酬分配办法》的有关规定执行";
    }
}
