using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Plugins;

/// <summary>
/// The enterprise's authorisation to run its own title reviews (自主评审, 96号 二（三）): who granted it, by which
/// document, for which series, up to which level, for which period.
/// </summary>
internal sealed record ReviewAuthorisation(
    string Body,
    string DocumentNo,
    IReadOnlySet<TitleSeries> Series,
    TitleLevel HighestLevel,
    DateOnly ValidFrom,
    DateOnly ValidUntil)
{
    /// <summary>Why a title target lies outside this authorisation on the cut-off, or null when it lies inside.</summary>
    public string? OutsideReason(TitleSeries series, TitleLevel level, DateOnly asOf)
    {
        if (asOf < ValidFrom || asOf > ValidUntil)
        {
            return $"本单位自主评审授权（{DocumentNo}）有效期为{Dates.Chinese(ValidFrom)}至{Dates.Chinese(ValidUntil)}，截止日期不在有效期内";
        }

        if (!Series.Contains(series))
        {
            return $"本单位自主评审授权（{DocumentNo}）不含{series.ToChinese()}系列";
        }

        if (level > HighestLevel)
        {
            return $"本单位自主评审授权（{DocumentNo}）最高至{HighestLevel.ToChinese()}，{level.ToChinese()}须报送上级评审委员会";
        }

        return null;
    }

    public string Describe() =>
        $"{Body} {DocumentNo}：{string.Join("、", Series.Order().Select(s => s.ToChinese()))}系列，最高{HighestLevel.ToChinese()}，{Dates.Chinese(ValidFrom)}至{Dates.Chinese(ValidUntil)}";
}
