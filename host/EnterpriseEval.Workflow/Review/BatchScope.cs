using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Engine;

namespace EnterpriseEval.Workflow.Review;

/// <summary>
/// Which decisions of a batch are its candidates: eligible, with a target level the batch covers and (on title
/// paths) a series it covers.
/// </summary>
internal sealed class BatchScope(BatchDefinition batch)
{
    private readonly HashSet<string> _series = [.. batch.Series.Split(';', StringSplitOptions.RemoveEmptyEntries)];
    private readonly HashSet<string> _levels = [.. batch.Levels.Split(';', StringSplitOptions.RemoveEmptyEntries)];

    public bool IsCandidate(StoredDecision d) =>
        d.Outcome == Outcome.Eligible.ToCode()
        && _levels.Contains(d.TargetLevel)
        && (d.TargetSeries.Length == 0 || _series.Contains(d.TargetSeries));

    public IReadOnlyList<StoredDecision> Candidates(IEnumerable<StoredDecision> decisions) => [.. decisions.Where(IsCandidate)];

    /// <summary>Parses <c>--levels</c>: title or skill levels (code or Chinese), as codes.</summary>
    public static string ParseLevels(string text) => string.Join(';', Split(text).Select(level =>
        Vocabulary.TryParse<TitleLevel>(level, out var title) ? title.ToCode()
        : Vocabulary.TryParse<SkillLevel>(level, out var skill) ? skill.ToCode()
        : throw new UserFacingException($"无法识别的层级“{level}”，可填：{Vocabulary.Describe<TitleLevel>()}；或技能等级 {Vocabulary.Describe<SkillLevel>()}")));

    /// <summary>Parses <c>--series</c>: title series (code or Chinese), as codes.</summary>
    public static string ParseSeries(string text) => string.Join(';', Split(text).Select(series =>
        Vocabulary.TryParse<TitleSeries>(series, out var s) ? s.ToCode()
        : throw new UserFacingException($"无法识别的职称系列“{series}”，可填：{Vocabulary.Describe<TitleSeries>()}")));

    private static IEnumerable<string> Split(string text) =>
        text.Split([',', ';', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal);
}
