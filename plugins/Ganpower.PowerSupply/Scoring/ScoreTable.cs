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

    /// <summary>The points for one achievement, or <see langword="null"/> when the table has none for its kind and rank.</summary>
    public static decimal? PointsFor(string kind, string rank) =>
        Points.TryGetValue((kind, rank), out var points) || Points.TryGetValue((kind, AnyRank), out points)
            ? points
            : null;

    /// <summary>The most one kind can contribute in total, or <see langword="null"/> when it is not capped.</summary>
    public static decimal? CapFor(string kind) => Caps.TryGetValue(kind, out var cap) ? cap : null;
}
