using System.Diagnostics.CodeAnalysis;
using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Roster.Fields;

/// <summary>
/// The 荣誉 of <c>honours.csv</c>: a green-channel honour as <see cref="CodeField{TEnum}"/> reads it. An honour below the
/// provincial level (市级政府特殊津贴, 县级技术能手 …) gets its own reason, not the list of accepted values, which would
/// invite re-entering it as a provincial one: 96号 二（二）3 opens the green channel to 省级以上 honours only
/// (docs/roster.md, "Bad input").
/// </summary>
internal readonly struct HonourKindField : IFieldParser<HonourKind>
{
    public const string BelowProvincialReason =
        "市级、县级等省级以下荣誉不能开通职称评审绿色通道：绿色通道只适用于获得中华技能大奖或全国技术能手、担任国家级技能大师工作室带头人、" +
        "享受省级以上政府特殊津贴或被省级人民政府认定为“高精尖缺”高技能人才的高技能人才（人社部发〔2020〕96号 二（二）3），本行不计入荣誉";

    // The four municipalities are provincial-level: 北京市政府特殊津贴 is not below the provincial level.
    private static readonly string[] Municipalities = ["北京", "天津", "上海", "重庆"];

    public bool TryParse(ReadOnlySpan<char> text, out HonourKind value, [NotNullWhen(false)] out string? reason)
    {
        if (SpanVocabulary.TryParse(text, out value))
        {
            reason = null;
            return true;
        }

        reason = IsBelowProvincial(text) ? BelowProvincialReason : CodeField<HonourKind>.UnknownReason;
        return false;
    }

    /// <summary>
    /// Whether the text names an honour of a city, prefecture or county: it says 县, 地级, 地市, 州级, 区级 (not 自治区级) or names a
    /// city (…市…), other than a provincial-level municipality and other than 省（区、市）, the clause's own wording.
    /// </summary>
    internal static bool IsBelowProvincial(ReadOnlySpan<char> text)
    {
        if (text.Contains('县') || text.Contains("地级", StringComparison.Ordinal) ||
            text.Contains("地市", StringComparison.Ordinal) || text.Contains("州级", StringComparison.Ordinal) ||
            (text.Contains("区级", StringComparison.Ordinal) && !text.Contains("自治区", StringComparison.Ordinal)))
        {
            return true;
        }

        if (!text.Contains('市') || text.Contains("区、市", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var municipality in Municipalities)
        {
            if (text.Contains(municipality, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
