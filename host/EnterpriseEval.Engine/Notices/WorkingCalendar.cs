using System.Globalization;

namespace EnterpriseEval.Engine.Notices;

/// <summary>
/// Working days for the publicity: Monday to Friday, less the configured holidays, plus the configured make-up
/// working days on a weekend (调休上班).
/// </summary>
internal sealed class WorkingCalendar(IReadOnlySet<DateOnly> holidays, IReadOnlySet<DateOnly> workingWeekends)
{
    public IReadOnlySet<DateOnly> Holidays { get; } = holidays;

    public IReadOnlySet<DateOnly> WorkingWeekends { get; } = workingWeekends;

    public static WorkingCalendar From(ReviewOptions options) =>
        new(Parse(options.Holidays, "Holidays"), Parse(options.WorkingWeekends, "WorkingWeekends"));

    public bool IsWorkingDay(DateOnly day) =>
        !Holidays.Contains(day) && (WorkingWeekends.Contains(day) || day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    /// <summary>The first working day after <paramref name="day"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly day)
    {
        do
        {
            day = day.AddDays(1);
        }
        while (!IsWorkingDay(day));
        return day;
    }

    /// <summary>The last day of a period of <paramref name="workingDays"/> working days starting on <paramref name="start"/> (included when it is one).</summary>
    public DateOnly End(DateOnly start, int workingDays)
    {
        var day = IsWorkingDay(start) ? start : NextWorkingDay(start);
        for (var counted = 1; counted < workingDays; counted++)
        {
            day = NextWorkingDay(day);
        }

        return day;
    }

    private static HashSet<DateOnly> Parse(IEnumerable<string> dates, string key)
    {
        var set = new HashSet<DateOnly>();
        foreach (var text in dates)
        {
            if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                throw new UserFacingException($"配置错误（{ReviewOptions.SectionName}:{key}）：日期格式应为 YYYY-MM-DD，收到“{text}”");
            }

            set.Add(d);
        }

        return set;
    }
}
