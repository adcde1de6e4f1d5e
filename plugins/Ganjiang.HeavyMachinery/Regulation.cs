namespace Ganjiang.HeavyMachinery;

/// <summary>The articles of the firm's regulations that the criteria and the pay tables cite.</summary>
internal static class Regulation
{
    private const string Name = "《赣江重机技能人才自主评价管理办法》";

    private const string PayName = "《赣江重机技能人才薪酬分配办法》";

    /// <summary>第十二条: continuing education hours.</summary>
    public const string ContinuingEducation = Name + "第十二条";

    /// <summary>第十三条: mentoring apprentices.</summary>
    public const string Mentoring = Name + "第十三条";

    /// <summary>第十五条: safety record.</summary>
    public const string Safety = Name + "第十五条";

    /// <summary>薪酬分配办法第八条: 岗位技能工资 by appointed post.</summary>
    public const string PostWage = PayName + "第八条";

    /// <summary>薪酬分配办法第十条: 技能津贴 by certificate level.</summary>
    public const string SkillAllowance = PayName + "第十条";

    /// <summary>薪酬分配办法第十一条: 带徒津贴.</summary>
    public const string MentoringAllowance = PayName + "第十一条";

    /// <summary>薪酬分配办法第十二条: 特聘岗位津贴 for 高技能领军人才.</summary>
    public const string SpecialPostAllowance = PayName + "第十二条";
}
