namespace EnterpriseEval.Sdk.Model;

/// <summary>An honour that can open the green channel (绿色通道, 96号 二（二）3).</summary>
public enum HonourKind
{
    /// <summary>中华技能大奖. Code <c>china_skills_award</c>.</summary>
    ChinaSkillsAward = 1,

    /// <summary>全国技术能手. Code <c>national_technical_expert</c>.</summary>
    NationalTechnicalExpert,

    /// <summary>国家级技能大师工作室带头人. Code <c>national_master_studio_lead</c>.</summary>
    NationalMasterStudioLead,

    /// <summary>省级以上政府特殊津贴. Code <c>special_government_allowance</c>.</summary>
    SpecialGovernmentAllowance,

    /// <summary>各省（区、市）人民政府认定的“高精尖缺”高技能人才. Code <c>provincial_high_end_talent</c>.</summary>
    ProvincialHighEndTalent,
}
