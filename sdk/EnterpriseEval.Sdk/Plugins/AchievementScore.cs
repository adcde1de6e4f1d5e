namespace EnterpriseEval.Sdk.Plugins;

/// <summary>The result of scoring one employee's achievements.</summary>
/// <param name="Total">The total score.</param>
/// <param name="PassMark">The mark at or above which the review is passed.</param>
/// <param name="Lines">Each counted achievement with its points, for the record (Chinese).</param>
public sealed record AchievementScore(decimal Total, decimal PassMark, IReadOnlyList<string> Lines)
{
    /// <summary>Whether <see cref="Total"/> reaches <see cref="PassMark"/>.</summary>
    public bool Passed => Total >= PassMark;
}
