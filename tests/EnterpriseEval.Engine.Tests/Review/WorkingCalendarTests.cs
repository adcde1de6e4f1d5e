using EnterpriseEval.Workflow.Review;
using EnterpriseEval.Engine.Notices;

namespace EnterpriseEval.Engine.Tests.Review;

public sealed class WorkingCalendarTests
{
    private static WorkingCalendar Calendar(string[]? holidays = null, string[]? weekends = null) =>
        WorkingCalendar.From(new ReviewOptions { Holidays = [.. holidays ?? []], WorkingWeekends = [.. weekends ?? []] });

    [Fact]
    public void Five_working_days_from_a_Thursday_end_on_the_next_Wednesday_across_the_weekend() =>
        Assert.Equal(new DateOnly(2027, 1, 13), Calendar().End(new DateOnly(2027, 1, 7), 5));

    [Fact]
    public void A_configured_holiday_inside_the_period_pushes_the_end_by_one_working_day() =>
        Assert.Equal(new DateOnly(2027, 1, 14), Calendar(["2027-01-11"]).End(new DateOnly(2027, 1, 7), 5));

    [Fact]
    public void New_Year_holiday_and_weekend_after_a_vote_on_30_December()
    {
        var calendar = Calendar(["2027-01-01"]);
        var start = calendar.NextWorkingDay(new DateOnly(2026, 12, 30));

        Assert.Equal(new DateOnly(2026, 12, 31), start);
        Assert.Equal(new DateOnly(2027, 1, 7), calendar.End(start, 5));
        Assert.Equal(new DateOnly(2027, 1, 6), Calendar().End(start, 5));
    }

    [Fact]
    public void A_make_up_working_Saturday_counts_as_a_working_day() =>
        Assert.Equal(new DateOnly(2027, 2, 6), Calendar(["2027-02-05"], ["2027-02-06"]).End(new DateOnly(2027, 2, 4), 2));

    [Fact]
    public void A_start_on_a_weekend_counts_from_the_next_working_day() =>
        Assert.Equal(new DateOnly(2027, 1, 15), Calendar().End(new DateOnly(2027, 1, 9), 5));

    [Fact]
    public void A_malformed_holiday_is_a_configuration_error_naming_the_setting() =>
        Assert.Contains("Holidays", Assert.Throws<UserFacingException>(() => Calendar(["2027/1/1x"])).Message);
}
