namespace EnterpriseEval.Sdk.Dates;

/// <summary>"满 N 年" after a date (SPEC §5): met on the N-th anniversary, that day included.</summary>
internal static class Anniversary
{
    /// <summary>
    /// The N-th anniversary of <paramref name="from"/>. A 29 February anniversary in a non-leap year falls on
    /// 28 February, which is what <see cref="DateOnly.AddYears(int)"/> does; the tests pin it down.
    /// </summary>
    internal static DateOnly Of(DateOnly from, int years) => from.AddYears(years);
}
