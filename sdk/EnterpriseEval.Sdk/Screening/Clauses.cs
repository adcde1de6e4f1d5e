namespace EnterpriseEval.Sdk.Screening;

/// <summary>The clause ids the statutory rules cite (docs/rules.md).</summary>
public static class Clauses
{
    /// <summary>人社部发〔2020〕96号 一（二）3: 保持两类人才评价标准大体平衡.</summary>
    public const string Balance = "96/1.2.3";

    /// <summary>人社部发〔2020〕96号 二（一）: 扩大贯通领域.</summary>
    public const string ThroughSeries = "96/2.1";

    /// <summary>人社部发〔2020〕96号 二（二）1: 淡化学历要求; years after the certificate; 近3年年度考核合格.</summary>
    public const string SkillToTitle = "96/2.2.1";

    /// <summary>人社部发〔2020〕96号 二（二）3: 建立绿色通道.</summary>
    public const string GreenChannel = "96/2.2.3";

    /// <summary>人社部发〔2020〕96号 二（四）: 鼓励专业技术人才参加职业技能评价.</summary>
    public const string TitleToSkill = "96/2.4";

    /// <summary>人社部发〔2020〕96号 二（五）: 加强评价制度与用人制度衔接 (自愿; 比照待遇).</summary>
    public const string Equivalence = "96/2.5";

    /// <summary>赣人社字〔2021〕227号 一: 扩大贯通领域 (Jiangxi).</summary>
    public const string JiangxiSeries = "227/1";

    /// <summary>A configured project default, not a statutory value.</summary>
    public const string ProjectDefault = "project-default";
}
