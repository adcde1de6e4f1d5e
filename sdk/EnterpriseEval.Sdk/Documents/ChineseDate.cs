using System.Globalization;

namespace EnterpriseEval.Sdk.Documents;

/// <summary>Dates as notices print them. Pure; plug-ins may use it.</summary>
public static class ChineseDate
{
    /// <summary>The date as <c>2026年11月24日</c> (no leading zeros).</summary>
    /// <param name="date">The date.</param>
    public static string Format(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");
}
