using EnterpriseEval.Sdk.Model;

namespace Ganpower.PowerSupply.Documents;

/// <summary>
/// The firm's own wording in its notices: the pay item names the tables issue, and the pure template functions
/// <c>ganpower_wage_grade</c> and <c>ganpower_item_note</c>. Depends on nothing but the SDK vocabulary, so the
/// template golden tests compile this very file instead of a copy of it.
/// </summary>
internal static class GanpowerWording
{
    /// <summary>岗位工资档次调整 (wage item).</summary>
    public const string WageGradeRaise = "岗位工资档次调整";

    /// <summary>能级津贴 (allowance item).</summary>
    public const string EnergyLevelAllowance = "能级津贴";

    /// <summary>业绩积分奖励 (allowance item).</summary>
    public const string PerformanceReward = "业绩积分奖励";

    // Item names carry a detail in brackets (能级津贴（技师）), so notes are found by the name's start.
    private static readonly (string Item, string Note)[] ItemNotes =
    [
        (WageGradeRaise, "按在聘技能等级对应的岗位工资档次执行，聘期内按月发放；聘期届满未续聘或者解聘的，自次月起恢复原档次"),
        (EnergyLevelAllowance, "按本人取得的最高等级有效职业资格（职业技能等级）证书确定，与新八级职业技能等级相衔接；证书被撤销的，自次月起停发"),
        (PerformanceReward, "按业绩评审量化积分确定，积分达到合格线的按月发放，下一评审年度按新的积分结果重新核定"),
    ];

    /// <summary>
    /// <c>ganpower_wage_grade</c>: the firm's skill wage grade (技能岗位工资档次) of an appointed level, e.g. 技能四档 for
    /// 技师; empty below 高级工. Also names the 岗位工资档次调整 item.
    /// </summary>
    public static string WageGrade(SkillLevel level) => level switch
    {
        SkillLevel.SeniorWorker => "技能三档",
        SkillLevel.Technician => "技能四档",
        SkillLevel.SeniorTechnician => "技能五档",
        SkillLevel.PrincipalTechnician => "技能六档",
        SkillLevel.ChiefTechnician => "技能七档",
        _ => "",
    };

    /// <summary>
    /// <c>ganpower_item_note</c>: how the firm pays an item of its pay tables, by the item's name; a name the tables
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

        return "按《赣电供电技能人才薪酬管理细则》的有关规定执行";
    }
}
