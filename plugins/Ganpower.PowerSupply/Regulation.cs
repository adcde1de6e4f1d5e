namespace Ganpower.PowerSupply;

/// <summary>The articles of the firm's regulations that the plug-in cites.</summary>
internal static class Regulation
{
    private const string PayName = "《赣电供电技能人才薪酬管理细则》";

    /// <summary>第九条: the score table and the pass mark of the performance review.</summary>
    public const string Scoring = "《赣电供电技能人才业绩评审量化积分细则》第九条";

    /// <summary>薪酬管理细则第六条: 岗位工资档次 by appointed level.</summary>
    public const string WageGrade = PayName + "第六条";

    /// <summary>薪酬管理细则第九条: 能级津贴 by certificate level.</summary>
    public const string EnergyLevelAllowance = PayName + "第九条";

    /// <summary>薪酬管理细则第十一条: 业绩积分奖励 for a passed performance review.</summary>
    public const string PerformanceReward = PayName + "第十一条";
}
