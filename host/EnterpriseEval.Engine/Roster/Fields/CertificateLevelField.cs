using System.Diagnostics.CodeAnalysis;
using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Roster.Fields;

/// <summary>
/// The 等级 of <c>skill_certificates.csv</c>: a skill level up to 高级技师. 特级技师 and 首席技师 are posts an enterprise
/// appoints to (人社部发〔2022〕14号), not 职业资格 or 职业技能等级 certificates: such a row is rejected with a reason
/// pointing to the appointment columns of <c>employees.csv</c> (docs/roster.md, "Bad input").
/// </summary>
internal readonly struct CertificateLevelField : IFieldParser<SkillLevel>
{
    public const string AppointedPostReason =
        "特级技师、首席技师为企业聘任的岗位，不是职业资格或职业技能等级证书；请在 employees.csv 的在聘等级（appointed_skill_level）" +
        "及聘期中登记，本行不计入证书";

    /// <summary>The accepted values, the certificate levels only (学徒工 … 高级技师), so as not to invite an appointed post.</summary>
    public static readonly string UnknownReason = $"无法识别，可填：{CertificateLevels()}";

    public bool TryParse(ReadOnlySpan<char> text, out SkillLevel value, [NotNullWhen(false)] out string? reason)
    {
        if (!SpanVocabulary.TryParse(text, out value))
        {
            reason = UnknownReason;
            return false;
        }

        reason = value >= SkillLevel.PrincipalTechnician ? AppointedPostReason : null;
        return reason is null;
    }

    private static string CertificateLevels()
    {
        var levels = new List<string>();
        for (var level = SkillLevel.Apprentice; level <= SkillLevel.SeniorTechnician; level++)
        {
            levels.Add($"{level.ToChinese()}({level.ToCode()})");
        }

        return string.Join("、", levels);
    }
}
