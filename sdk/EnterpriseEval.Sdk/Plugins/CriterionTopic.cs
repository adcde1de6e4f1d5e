namespace EnterpriseEval.Sdk.Plugins;

/// <summary>
/// What a criterion looks at. Education, papers, foreign language and computer skills are never a restricting
/// condition on the skill-to-title path (96号 二（二）1); the runtime ignores such criteria there.
/// </summary>
public enum CriterionTopic
{
    /// <summary>Anything not listed below (safety record, training hours, mentoring, scores …).</summary>
    Other = 0,

    /// <summary>学历.</summary>
    Education,

    /// <summary>论文.</summary>
    Papers,

    /// <summary>外语.</summary>
    ForeignLanguage,

    /// <summary>计算机.</summary>
    ComputerSkills,
}
