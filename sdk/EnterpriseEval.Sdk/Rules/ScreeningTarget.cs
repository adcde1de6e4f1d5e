using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Sdk.Rules;

/// <summary>
/// What one decision screens: a path and its target (title level and series, or skill level and occupation). A title
/// target without an asked series carries the occupation's <see cref="SeriesCorrespondence"/>; its series is then null
/// when no correspondence is declared (docs/rules.md "The series of a title path").
/// </summary>
internal readonly record struct ScreeningTarget(
    ScreeningPath Path,
    TitleLevel? TitleLevel,
    SkillLevel? SkillLevel,
    TitleSeries? Series,
    string Occupation,
    SeriesCorrespondence? Correspondence = null)
{
    /// <summary>A target on a title path (skill_to_title, green_channel) in the series an application asked for.</summary>
    internal static ScreeningTarget ForTitle(ScreeningPath path, TitleLevel? level, TitleSeries series) =>
        new(path, level, null, series, "");

    /// <summary>A target on a title path in the series the occupation corresponds to (none when undeclared).</summary>
    internal static ScreeningTarget ForTitle(ScreeningPath path, TitleLevel? level, SeriesCorrespondence correspondence) =>
        new(path, level, null, correspondence.Series, "", correspondence);

    /// <summary>A target on a skill path (title_to_skill, skill_promotion).</summary>
    internal static ScreeningTarget ForSkill(ScreeningPath path, SkillLevel? level, string occupation) =>
        new(path, null, level, null, occupation);
}
