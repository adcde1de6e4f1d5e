namespace EnterpriseEval.Sdk.Dates;

/// <summary>"满 N 年" after a date (docs/rules.md, "Dates"): met on the N-th anniversary, that day included.</summary>
internal static class Anniversary
{
    /// <summary>
    /// The N-th anniversary of <paramref name="from"/>. A 29 February anniversary in a non-leap year falls on
    /// 28 February, which is what <see cref="DateOnly.AddYears(int)"/> does; the tests pin it down.
    /// </summary>
    internal static DateOnly Of(DateOnly from, int years)
    {
        // Same result as AddYears (29 February → 28 February in a common year), without its general calendar
        // arithmetic: one split of the date into parts and one check. Anniversaries are computed for every decision.
        from.Deconstruct(out var year, out var month, out var day);
        return month == 2 && day == 29 && !DateTime.IsLeapYear(year + years)
            ? new DateOnly(year + years, 2, 28)
            : new DateOnly(year + years, month, day);
    }
}
