namespace EnterpriseEval.Sdk.Model;

/// <summary>The generation of a skill certificate; the rules treat both alike ("职业资格或职业技能等级").</summary>
public enum CertificateKind
{
    /// <summary>职业资格证书. Code <c>qualification</c>.</summary>
    Qualification = 1,

    /// <summary>职业技能等级证书. Code <c>skill_level</c>.</summary>
    SkillLevel,
}
