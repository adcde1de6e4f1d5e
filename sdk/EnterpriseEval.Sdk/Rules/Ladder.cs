using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Sdk.Rules;

/// <summary>
/// The correspondence of skill levels and title levels that 96号 uses in three places: 二（二）1 (R1–R3),
/// 二（四） (R8) and 二（五） (R11). One table serves them all.
/// </summary>
internal static class Ladder
{
    /// <summary>One rung: the skill level, the title level it corresponds to, and the statutory years of R1–R3.</summary>
    internal readonly record struct Rung(SkillLevel Skill, TitleLevel Title, int Years, string RuleId);

    /// <summary>高级工 ↔ 助理级 (2 years, R1), 技师 ↔ 中级 (3, R2), 高级技师 ↔ 副高级 (4, R3), in ascending order.</summary>
    internal static readonly Rung[] Rungs =
    [
        new(SkillLevel.SeniorWorker, TitleLevel.Assistant, 2, "R1"),
        new(SkillLevel.Technician, TitleLevel.Intermediate, 3, "R2"),
        new(SkillLevel.SeniorTechnician, TitleLevel.AssociateSenior, 4, "R3"),
    ];

    /// <summary>The rung whose title level is <paramref name="title"/>, if any.</summary>
    internal static Rung? ForTitle(TitleLevel title)
    {
        foreach (var rung in Rungs)
        {
            if (rung.Title == title)
            {
                return rung;
            }
        }

        return null;
    }

    /// <summary>The rung whose skill level is <paramref name="skill"/>, if any.</summary>
    internal static Rung? ForSkill(SkillLevel skill)
    {
        foreach (var rung in Rungs)
        {
            if (rung.Skill == skill)
            {
                return rung;
            }
        }

        return null;
    }

    /// <summary>
    /// The skill level a title holder may apply for (R8): 助理级 → 高级工, 中级 → 技师, 副高级 and above → 高级技师.
    /// </summary>
    internal static SkillLevel? SkillForTitle(TitleLevel held) => held switch
    {
        TitleLevel.Assistant => SkillLevel.SeniorWorker,
        TitleLevel.Intermediate => SkillLevel.Technician,
        >= TitleLevel.AssociateSenior => SkillLevel.SeniorTechnician,
        _ => null,
    };

    /// <summary>
    /// The title level an appointed skill level is treated as (R11): the rungs, plus 特级技师 → 正高级
    /// (人社部发〔2022〕14号) and 首席技师 at least as 特级技师.
    /// </summary>
    internal static TitleLevel? EquivalentTitle(SkillLevel appointed) => appointed switch
    {
        SkillLevel.PrincipalTechnician or SkillLevel.ChiefTechnician => TitleLevel.Senior,
        _ => ForSkill(appointed)?.Title,
    };
}
