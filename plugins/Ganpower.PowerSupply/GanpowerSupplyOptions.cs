using EnterpriseEval.Sdk.Model;
using Ganpower.PowerSupply.Pay;

namespace Ganpower.PowerSupply;

/// <summary>The firm's adjustable values, bound from configuration section <c>Plugins:ganpower-supply</c>.</summary>
internal sealed class GanpowerSupplyOptions
{
    /// <summary>合格线: the achievement score at or above which the performance review is passed (细则第九条: 60).</summary>
    public decimal PassMark { get; set; } = 60;

    /// <summary>岗位工资档次调整: the monthly raise by appointed level code (薪酬管理细则第六条); 0 pays nothing.</summary>
    public Dictionary<string, decimal> WageGradeRaise { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["senior_worker"] = 400,
        ["technician"] = 800,
        ["senior_technician"] = 1200,
        ["principal_technician"] = 2000,
        ["chief_technician"] = 3000,
    };

    /// <summary>能级津贴 per month by the highest valid certificate's level code (薪酬管理细则第九条); 0 pays nothing.</summary>
    public Dictionary<string, decimal> EnergyLevelAllowance { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["intermediate_worker"] = 100,
        ["senior_worker"] = 300,
        ["technician"] = 500,
        ["senior_technician"] = 800,
    };

    /// <summary>业绩积分奖励 per month when the achievement score reaches the pass mark (薪酬管理细则第十一条).</summary>
    public decimal PerformanceReward { get; set; } = 300;

    /// <summary>The parsed 岗位工资档次调整 table; set by <see cref="Validated"/>.</summary>
    internal IReadOnlyDictionary<SkillLevel, decimal> WageGradeRaiseByLevel { get; private set; } = new Dictionary<SkillLevel, decimal>();

    /// <summary>The parsed 能级津贴 table; set by <see cref="Validated"/>.</summary>
    internal IReadOnlyDictionary<SkillLevel, decimal> EnergyLevelAllowanceByLevel { get; private set; } = new Dictionary<SkillLevel, decimal>();

    /// <summary>Refuses values that would pass or fail everyone or pay a negative amount, so the plug-in fails at load, by name.</summary>
    public GanpowerSupplyOptions Validated()
    {
        if (PassMark <= 0)
        {
            throw new InvalidOperationException($"配置项 Plugins:ganpower-supply:PassMark 应大于0，当前为{PassMark}");
        }

        if (PerformanceReward < 0)
        {
            throw new InvalidOperationException($"配置项 Plugins:ganpower-supply:PerformanceReward 不能为负数，当前为{PerformanceReward}");
        }

        WageGradeRaiseByLevel = LevelAmounts.Parse(WageGradeRaise, nameof(WageGradeRaise));
        EnergyLevelAllowanceByLevel = LevelAmounts.Parse(EnergyLevelAllowance, nameof(EnergyLevelAllowance));
        return this;
    }
}
