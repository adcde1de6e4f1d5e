namespace EnterpriseEval.Runtime.Notices;

/// <summary>Working-day arithmetic for publicity periods: Saturdays and Sundays are not working days.</summary>
internal static class WorkingDays
{
    /// <summary>The last day of a period of <paramref name="days"/> working days starting on <paramref name="start"/>.</summary>
    public static DateOnly Add(DateOnly start, int days)
    {
        var day = start;
        var counted = IsWorkingDay(day) ? 1 : 0;
        while (counted < days)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    private static bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
}
