namespace EnterpriseEval.Sdk.Model;

/// <summary>A career path a person may apply along.</summary>
public enum ScreeningPath
{
    /// <summary>技能人才评职称 (96号 二（二）1). Code <c>skill_to_title</c>.</summary>
    SkillToTitle = 1,

    /// <summary>绿色通道 (96号 二（二）3). Code <c>green_channel</c>.</summary>
    GreenChannel,

    /// <summary>专技人才参加职业技能评价 (96号 二（四）). Code <c>title_to_skill</c>.</summary>
    TitleToSkill,

    /// <summary>职业技能晋级评价 (96号 二（四）). Code <c>skill_promotion</c>.</summary>
    SkillPromotion,
}
