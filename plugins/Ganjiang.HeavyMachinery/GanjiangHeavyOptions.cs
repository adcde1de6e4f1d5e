using EnterpriseEval.Sdk.Model;
using Ganjiang.HeavyMachinery.Pay;

namespace Ganjiang.HeavyMachinery;

/// <summary>The firm's adjustable thresholds and pay amounts, bound from configuration section <c>Plugins:ganjiang-heavy</c>.</summary>
internal sealed class GanjiangHeavyOptions
{
    /// <summary>继续教育学时: the hours required in each of the last three years (办法第十二条: 72).</summary>
    public decimal ContinuingEducationHoursPerYear { get; set; } = 72;

    /// <summary>传技带徒: the apprentices a 技师 must have taught before applying for 中级 (办法第十三条: 2).</summary>
    public int MinimumApprentices { get; set; } = 2;

    /// <summary>岗位技能工资 per month by appointed level code (薪酬分配办法第八条); 0 pays nothing.</summary>
    public Dictionary<string, decimal> SkillPostWage { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["senior_worker"] = 600,
        ["technician"] = 1000,
        ["senior_technician"] = 1500,
        ["principal_technician"] = 2500,
        ["chief_technician"] = 3500,
    };

    /// <summary>技能津贴 per month by the highest valid certificate's level code (薪酬分配办法第十条); 0 pays nothing.</summary>
    public Dictionary<string, decimal> SkillAllowance { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["senior_worker"] = 200,
        ["technician"] = 400,
        ["senior_technician"] = 600,
    };

    /// <summary>带徒津贴 per month for each apprentice under mentoring on the cut-off (薪酬分配办法第十一条).</summary>
    public decimal MentoringAllowancePerApprentice { get; set; } = 200;

    /// <summary>The most apprentices the 带徒津贴 counts (薪酬分配办法第十一条: 3).</summary>
    public int MentoringAllowanceMaxApprentices { get; set; } = 3;

    /// <summary>特聘岗位津贴 per month for holders of a green-channel honour (薪酬分配办法第十二条).</summary>
    public decimal SpecialPostAllowance { get; set; } = 1000;

    /// <summary>The parsed 岗位技能工资 table; set by <see cref="Validated"/>.</summary>
    internal IReadOnlyDictionary<SkillLevel, decimal> PostWageByLevel { get; private set; } = new Dictionary<SkillLevel, decimal>();

    /// <summary>The parsed 技能津贴 table; set by <see cref="Validated"/>.</summary>
    internal IReadOnlyDictionary<SkillLevel, decimal> SkillAllowanceByLevel { get; private set; } = new Dictionary<SkillLevel, decimal>();

    /// <summary>Refuses values that would make a criterion or a pay item meaningless, so the plug-in fails at load, by name.</summary>
    public GanjiangHeavyOptions Validated()
    {
        Require(ContinuingEducationHoursPerYear > 0, nameof(ContinuingEducationHoursPerYear), "应大于0", ContinuingEducationHoursPerYear);
        Require(MinimumApprentices > 0, nameof(MinimumApprentices), "应大于0", MinimumApprentices);
        Require(MentoringAllowancePerApprentice >= 0, nameof(MentoringAllowancePerApprentice), "不能为负数", MentoringAllowancePerApprentice);
        Require(MentoringAllowanceMaxApprentices >= 0, nameof(MentoringAllowanceMaxApprentices), "不能为负数", MentoringAllowanceMaxApprentices);
        Require(SpecialPostAllowance >= 0, nameof(SpecialPostAllowance), "不能为负数", SpecialPostAllowance);
        PostWageByLevel = LevelAmounts.Parse(SkillPostWage, nameof(SkillPostWage));
        SkillAllowanceByLevel = LevelAmounts.Parse(SkillAllowance, nameof(SkillAllowance));
        return this;
    }

    private static void Require(bool ok, string setting, string rule, decimal value)
    {
        if (!ok)
        {
            throw new InvalidOperationException($"配置项 Plugins:ganjiang-heavy:{setting} {rule}，当前为{value}");
        }
    }
}
