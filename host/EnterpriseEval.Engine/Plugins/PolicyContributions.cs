using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Plugins;

/// <summary>The configuration-like tables a plug-in adds to the project defaults.</summary>
internal sealed class PolicyContributions
{
    public Dictionary<string, (TitleSeries Series, string Specialty)> Occupations { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<string>> RelatedMajors { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<SkillLevel, int>> Years { get; } = new(StringComparer.Ordinal);

    public bool IsEmpty => Occupations.Count == 0 && RelatedMajors.Count == 0 && Years.Count == 0;
}
