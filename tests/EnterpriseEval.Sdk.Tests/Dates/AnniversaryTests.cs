using EnterpriseEval.Sdk.Dates;
using static EnterpriseEval.Sdk.Tests.EmployeeRecordBuilder;

namespace EnterpriseEval.Sdk.Tests.Dates;

public sealed class AnniversaryTests
{
    [Fact]
    public void Anniversary_falls_on_the_same_day_and_month() =>
        Assert.Equal(D("2023-03-01"), Anniversary.Of(D("2020-03-01"), 3));

    [Fact]
    public void Twenty_ninth_of_february_falls_on_the_twenty_eighth_in_a_non_leap_year() =>
        Assert.Equal(D("2023-02-28"), Anniversary.Of(D("2020-02-29"), 3));

    [Fact]
    public void Twenty_ninth_of_february_stays_in_a_leap_year() =>
        Assert.Equal(D("2024-02-29"), Anniversary.Of(D("2020-02-29"), 4));

    [Fact]
    public void Zero_years_is_the_day_itself() =>
        Assert.Equal(D("2020-02-29"), Anniversary.Of(D("2020-02-29"), 0));
}
