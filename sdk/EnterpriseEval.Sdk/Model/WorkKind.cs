namespace EnterpriseEval.Sdk.Model;

/// <summary>The nature of a work period (工作性质).</summary>
public enum WorkKind
{
    /// <summary>技术技能工作: counts toward 96号 二（二）1. Code <c>technical_skill</c>.</summary>
    TechnicalSkill = 1,

    /// <summary>其他工作. Code <c>other</c>.</summary>
    Other,
}
