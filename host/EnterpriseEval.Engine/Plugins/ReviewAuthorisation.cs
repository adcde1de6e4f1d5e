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
    /// <summary>
    /// In force when plug-ins declare an authorisation but the host is configured with none: in-house review is then
    /// authorised for nothing, whatever a manifest claims (docs/plugins.md, "Review authorisation").
    /// </summary>
    public static ReviewAuthorisation NotConfigured { get; } =
        new("", "", new HashSet<TitleSeries>(), TitleLevel.Assistant, DateOnly.MinValue, DateOnly.MaxValue) { Configured = false };

    /// <summary>False only for <see cref="NotConfigured"/>.</summary>
    public bool Configured { get; private init; } = true;

    /// <summary>Why a title target lies outside this authorisation on the cut-off, or null when it lies inside.</summary>
    public string? OutsideReason(TitleSeries series, TitleLevel level, DateOnly asOf)
    {
        if (!Configured)
        {
            return $"本单位未在主机配置中设置自主评审授权（{HostAuthorisation.SectionName}），插件清单所称的授权不能代替";
        }

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

    /// <summary>
    /// What <paramref name="claimed"/> (a manifest's authorisation) covers beyond this one (the host's), in Chinese, or
    /// null when it covers nothing more: the part that the intersection drops.
    /// </summary>
    public string? Beyond(ReviewAuthorisation claimed)
    {
        var parts = new List<string>();
        if (claimed.Series.Except(Series).ToList() is { Count: > 0 } extra)
        {
            parts.Add($"{string.Join("、", extra.Order().Select(s => s.ToChinese()))}系列");
        }

        if (claimed.HighestLevel > HighestLevel)
        {
            parts.Add($"最高至{claimed.HighestLevel.ToChinese()}");
        }

        if (claimed.ValidFrom < ValidFrom || claimed.ValidUntil > ValidUntil)
        {
            parts.Add($"有效期{Dates.Chinese(claimed.ValidFrom)}至{Dates.Chinese(claimed.ValidUntil)}");
        }

        return parts.Count == 0 ? null : string.Join("、", parts);
    }

    public string Describe() => !Configured ? $"未配置（{HostAuthorisation.SectionName}）" :
        $"{Body} {DocumentNo}：{string.Join("、", Series.Order().Select(s => s.ToChinese()))}系列，最高{HighestLevel.ToChinese()}，{Dates.Chinese(ValidFrom)}至{Dates.Chinese(ValidUntil)}";
}
