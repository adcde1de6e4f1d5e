namespace Ganjiang.HeavyMachinery;

/// <summary>The articles of the firm's regulation that the criteria cite.</summary>
internal static class Regulation
{
    private const string Name = "《赣江重机技能人才自主评价管理办法》";

    /// <summary>第十二条: continuing education hours.</summary>
    public const string ContinuingEducation = Name + "第十二条";

    /// <summary>第十三条: mentoring apprentices.</summary>
    public const string Mentoring = Name + "第十三条";

    /// <summary>第十五条: safety record.</summary>
    public const string Safety = Name + "第十五条";
}
