namespace EnterpriseEval.Sdk.Documents;

/// <summary>Small ordinal numbers as Chinese documents number their parts: 一、二 … 九十九.</summary>
internal static class ChineseNumeral
{
    private const string Digits = "零一二三四五六七八九";

    /// <summary>1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九.</summary>
    internal static string Of(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 99);
        var (tens, ones) = (n / 10, n % 10);
        var head = tens switch { 0 => "", 1 => "十", _ => $"{Digits[tens]}十" };
        return ones == 0 ? head : head + Digits[ones];
    }
}
