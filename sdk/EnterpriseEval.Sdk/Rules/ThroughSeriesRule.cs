using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Rules;

/// <summary>
/// R6 (96号 二（一）; 227号 一): 将贯通领域扩大为工程、农业、工艺美术、文物博物、实验技术、艺术、体育、技工院校教师等职称系列。
/// </summary>
internal static class ThroughSeriesRule
{
    private const string RuleId = "R6";
    private const string ThroughList = "工程、农业、工艺美术、文物博物、实验技术、艺术、体育、技工院校教师";

    // The finding depends on the series alone: built once per series instead of once per decision, and found by the
    // series' value (the codes are small numbers).
    private static readonly Finding?[] BySeries = BuildAll();

    internal static Finding Check(TitleSeries series) =>
        (uint)series < (uint)BySeries.Length && BySeries[(int)series] is { } finding ? finding : Build(series);

    /// <summary>
    /// The R6 finding of a title target: the series an application asked for, else the occupation's correspondence
    /// (which says where the series came from, or that none is declared).
    /// </summary>
    internal static Finding Check(in ScreeningTarget target) =>
        target.Correspondence?.Finding ?? Check(target.Series!.Value);

    /// <summary>The sentence of <see cref="Check(TitleSeries)"/>; <paramref name="asked"/> reads 「申报的…」.</summary>
    internal static string Sentence(TitleSeries series, bool asked)
    {
        var lead = asked ? "申报的" : "";
        if (series.IsThroughSeries())
        {
            return $"{lead}{series.ToChinese()}系列属于高技能人才与专业技术人才贯通的职称系列";
        }

        // 经济、会计等 are professional qualifications skilled workers obtain by examination, not by this review.
        var hint = series is >= TitleSeries.Economics and <= TitleSeries.ComputerSoftware
            ? $"；{series.ToChinese()}专业技术人员职业资格可通过职业资格考试取得"
            : "";
        return $"{lead}{series.ToChinese()}系列不属于贯通的职称系列（{ThroughList}）{hint}";
    }

    private static Finding?[] BuildAll()
    {
        var all = Enum.GetValues<TitleSeries>();
        var table = new Finding?[(int)all.Max() + 1];
        foreach (var series in all)
        {
            table[(int)series] = Build(series);
        }

        return table;
    }

    private static Finding Build(TitleSeries series) => Finding.Create(
        RuleId,
        Clauses.ThroughSeries,
        series.IsThroughSeries() ? FindingKind.Met : FindingKind.Failed,
        Sentence(series, asked: true));
}
