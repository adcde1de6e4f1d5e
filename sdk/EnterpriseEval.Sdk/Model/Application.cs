namespace EnterpriseEval.Sdk.Model;

/// <summary>
/// An application on one path (<c>applications.csv</c>). Title paths (<see cref="ScreeningPath.SkillToTitle"/>,
/// <see cref="ScreeningPath.GreenChannel"/>) carry <see cref="TargetTitleLevel"/>; skill paths carry
/// <see cref="TargetSkillLevel"/>.
/// </summary>
public sealed record Application
{
    /// <summary>申报路径.</summary>
    public required ScreeningPath Path { get; init; }

    /// <summary>申报层级, on a title path.</summary>
    public TitleLevel? TargetTitleLevel { get; init; }

    /// <summary>申报等级, on a skill path.</summary>
    public SkillLevel? TargetSkillLevel { get; init; }

    /// <summary>申报系列, on a title path; absent = the series the occupation corresponds to.</summary>
    public TitleSeries? TargetSeries { get; init; }

    /// <summary>申报职业工种, on a skill path; empty = the occupation of the current post.</summary>
    public string TargetOccupation { get; init; } = "";

    /// <summary>Columns the SDK does not know, by header as written in the file.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = EmptyExtra.Instance;
}
