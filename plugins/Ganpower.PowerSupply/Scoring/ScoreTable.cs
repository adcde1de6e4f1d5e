namespace Ganpower.PowerSupply.Scoring;

/// <summary>
/// The score table of 《赣电供电技能人才业绩评审量化积分细则》第九条 (the README prints it). Points are looked up by
/// <c>achievements.csv</c> kind and rank; an empty rank in the table stands for "whatever the rank". Some kinds are
/// capped so that volume cannot stand in for quality.
/// </summary>
internal static class ScoreTable
{
    private const string AnyRank = "";

    private static readonly Dictionary<(string Kind, string Rank), decimal> Points = new()
    {
        [("竞赛获奖", "国家级一等奖")] = 60,
        [("竞赛获奖", "国家级二等奖")] = 50,
        [("竞赛获奖", "国家级三等奖")] = 40,
        [("竞赛获奖", "省级一等奖")] = 40,
        [("竞赛获奖", "省级二等奖")] = 30,
        [("竞赛获奖", "省级三等奖")] = 20,
        [("竞赛获奖", "公司级一等奖")] = 15,
        [("竞赛获奖", "公司级二等奖")] = 10,
        [("竞赛获奖", "公司级三等奖")] = 5,
        [("专利", "发明")] = 30,
        [("专利", "实用新型")] = 15,
        [("专利", "外观设计")] = 5,
        [("工法", "省级")] = 25,
        [("工法", "公司级")] = 15,
        [("技术改造", "省级")] = 20,
        [("技术改造", "公司级")] = 10,
        [("行业标准", AnyRank)] = 30,
        [("操作法", AnyRank)] = 10,
        [("项目", AnyRank)] = 10,
        [("技术报告", AnyRank)] = 5,
        [("经验总结", AnyRank)] = 5,
        [("传技带徒", AnyRank)] = 5,
    };

    private static readonly Dictionary<string, decimal> Caps = new(StringComparer.Ordinal)
    {
        ["技术报告"] = 10,
        ["经验总结"] = 10,
        ["传技带徒"] = 20,
    };

    /// <summary>
    /// What the table gives one achievement: its points and its kind's cap, or <see langword="null"/> when the table has
    /// no points for its kind and rank.
    /// </summary>
    public static Scored? Find(string kind, string rank) =>
        ByKind.TryGetValue(kind, out var ranks) && (ranks.GetValueOrDefault(rank) ?? ranks.GetValueOrDefault(AnyRank)) is { } scored
            ? scored
            : null;

    /// <summary>The points of a kind and rank, and the most the kind can contribute in total (null when not capped).</summary>
    public sealed record Scored(decimal Points, decimal? Cap);

    // The table by kind, then by rank, each entry with its kind's cap: one look-up by kind (an ordinal string hash) and
    // one among its few ranks, where the table as written above would hash a pair of strings once or twice, and the
    // caps once more.
    private static readonly Dictionary<string, Dictionary<string, Scored>> ByKind = Points
        .GroupBy(p => p.Key.Kind, StringComparer.Ordinal)
        .ToDictionary(
            g => g.Key,
            g => g.ToDictionary(p => p.Key.Rank, p => new Scored(p.Value, Caps.TryGetValue(g.Key, out var cap) ? cap : null), StringComparer.Ordinal),
            StringComparer.Ordinal);
}
