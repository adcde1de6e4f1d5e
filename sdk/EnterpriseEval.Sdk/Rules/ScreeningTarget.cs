using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Sdk.Rules;

/// <summary>What one decision screens: a path and its target (title level and series, or skill level and occupation).</summary>
internal readonly record struct ScreeningTarget(
    ScreeningPath Path,
    TitleLevel? TitleLevel,
    SkillLevel? SkillLevel,
    TitleSeries? Series,
    string Occupation)
{
    /// <summary>A target on a title path (skill_to_title, green_channel).</summary>
    internal static ScreeningTarget ForTitle(ScreeningPath path, TitleLevel? level, TitleSeries series) =>
        new(path, level, null, series, "");

    /// <summary>A target on a skill path (title_to_skill, skill_promotion).</summary>
    internal static ScreeningTarget ForSkill(ScreeningPath path, SkillLevel? level, string occupation) =>
        new(path, null, level, null, occupation);
}
