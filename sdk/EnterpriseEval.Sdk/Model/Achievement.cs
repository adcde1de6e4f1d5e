namespace EnterpriseEval.Sdk.Model;

/// <summary>
/// An achievement for the performance review (<c>achievements.csv</c>; 96号 二（二）2): 竞赛获奖, 工法, 操作法,
/// 项目, 技术报告, 经验总结, 行业标准, 专利, 技术改造, 传技带徒 …
/// </summary>
public sealed record Achievement
{
    /// <summary>类别, as written in the roster.</summary>
    public required string Kind { get; init; }

    /// <summary>名称.</summary>
    public string Title { get; init; } = "";

    /// <summary>日期.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>等次, when given.</summary>
    public string Rank { get; init; } = "";

    /// <summary>Columns the SDK does not know, by header as written in the file.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = EmptyExtra.Instance;
}
