using EnterpriseEval.Sdk.Dates;
using EnterpriseEval.Sdk.Model;
using static EnterpriseEval.Sdk.Tests.EmployeeRecordBuilder;

namespace EnterpriseEval.Sdk.Tests.Dates;

public sealed class TechnicalSkillWorkTests
{
    private static readonly DateOnly CutOff = D("2026-12-31");
    private static readonly DateOnly EarlyHire = D("2010-07-01");

    private static WorkPeriod Period(string start, string? end, WorkKind kind = WorkKind.TechnicalSkill) =>
        new() { Start = D(start), End = end is null ? null : D(end), Kind = kind };

    [Fact]
    public void Without_work_periods_the_years_count_from_the_certificate() =>
        Assert.Equal(D("2023-03-01"), TechnicalSkillWork.MetOn(D("2020-03-01"), 3, EarlyHire, [], CutOff));

    [Fact]
    public void Without_work_periods_a_later_hire_date_is_the_start() =>
        Assert.Equal(D("2024-05-01"), TechnicalSkillWork.MetOn(D("2020-03-01"), 3, D("2021-05-01"), [], CutOff));

    [Fact]
    public void One_ongoing_period_covering_everything_gives_the_plain_anniversary() =>
        Assert.Equal(
            D("2023-03-01"),
            TechnicalSkillWork.MetOn(D("2020-03-01"), 3, EarlyHire, [Period("2015-01-01", null)], CutOff));

    [Fact]
    public void Each_uncovered_day_pushes_the_date_by_one_day()
    {
        WorkPeriod[] periods =
        [
            Period("2015-01-01", "2021-02-28"),
            Period("2021-03-01", "2021-03-31", WorkKind.Other),
            Period("2021-04-01", null),
        ];

        // 31 days of other work in March 2021.
        Assert.Equal(D("2023-04-01"), TechnicalSkillWork.MetOn(D("2020-03-01"), 3, EarlyHire, periods, CutOff));
    }

    [Fact]
    public void A_gap_with_no_period_at_all_also_pushes_the_date() =>
        Assert.Equal(
            D("2023-03-11"),
            TechnicalSkillWork.MetOn(
                D("2020-03-01"), 3, EarlyHire, [Period("2015-01-01", "2021-06-30"), Period("2021-07-11", null)], CutOff));

    [Fact]
    public void Overlapping_periods_count_each_day_once() =>
        Assert.Equal(
            D("2023-03-01"),
            TechnicalSkillWork.MetOn(
                D("2020-03-01"), 3, EarlyHire, [Period("2021-01-01", null), Period("2015-01-01", "2022-06-30")], CutOff));

    [Fact]
    public void Work_before_the_certificate_does_not_count() =>
        Assert.Equal(
            D("2023-03-01"),
            TechnicalSkillWork.MetOn(D("2020-03-01"), 3, EarlyHire, [Period("2010-01-01", null)], CutOff));

    [Fact]
    public void Ongoing_other_work_after_technical_work_ended_cannot_be_projected() =>
        Assert.Null(TechnicalSkillWork.MetOn(
            D("2020-03-01"),
            3,
            EarlyHire,
            [Period("2015-01-01", "2021-12-31"), Period("2022-01-01", null, WorkKind.Other)],
            CutOff));

    [Fact]
    public void Technical_work_already_complete_before_it_ended_keeps_its_date() =>
        Assert.Equal(
            D("2023-03-01"),
            TechnicalSkillWork.MetOn(
                D("2020-03-01"),
                3,
                EarlyHire,
                [Period("2015-01-01", "2024-12-31"), Period("2025-01-01", null, WorkKind.Other)],
                CutOff));

    [Fact]
    public void A_period_starting_after_the_cut_off_is_not_seen() =>
        Assert.Null(TechnicalSkillWork.MetOn(
            D("2020-03-01"), 3, EarlyHire, [Period("2015-01-01", "2021-12-31"), Period("2027-01-01", null)], CutOff));

    [Fact]
    public void Zero_years_are_met_on_the_issue_date() =>
        Assert.Equal(D("2020-03-01"), TechnicalSkillWork.MetOn(D("2020-03-01"), 0, EarlyHire, [Period("2022-01-01", null)], CutOff));

    [Fact]
    public void Many_periods_are_handled_beyond_the_stack_buffer()
    {
        // 40 one-day periods every other day from the day after the certificate, then ongoing work.
        var periods = new List<WorkPeriod>();
        var day = D("2020-03-02");
        for (var i = 0; i < 40; i++, day = day.AddDays(2))
        {
            periods.Add(new WorkPeriod { Start = day, End = day, Kind = WorkKind.TechnicalSkill });
        }

        periods.Add(new WorkPeriod { Start = day, Kind = WorkKind.TechnicalSkill });

        // 40 uncovered days in between.
        Assert.Equal(D("2023-04-10"), TechnicalSkillWork.MetOn(D("2020-03-01"), 3, EarlyHire, periods.ToArray(), CutOff));
    }
}
