using EnterpriseEval.Runtime.Roster.Fields;

namespace EnterpriseEval.Runtime.Tests.Roster.Fields;

public sealed class DateFieldTests
{
    [Theory]
    [InlineData("2023-04-05")]
    [InlineData("2023/04/05")]
    [InlineData("2023.04.05")]
    [InlineData("2023-4-5")]
    [InlineData("2023/4/05")]
    [InlineData("2023.04.5")]
    public void Accepted_spellings_all_read_as_the_same_date(string text)
    {
        Assert.True(default(DateField).TryParse(text, out var date, out _));
        Assert.Equal(new DateOnly(2023, 4, 5), date);
    }

    [Theory]
    [InlineData("20230405")]
    [InlineData("2023-04-05 00:00:00")]
    [InlineData("2023年4月5日")]
    [InlineData("05/04/2023")]
    [InlineData("2023-04/05")]
    [InlineData("23-04-05")]
    [InlineData("2023-004-05")]
    [InlineData("2023--05")]
    [InlineData("2023-04-")]
    public void Other_spellings_are_rejected_with_the_format(string text)
    {
        Assert.False(default(DateField).TryParse(text, out _, out var reason));
        Assert.Equal(DateField.FormatReason, reason);
    }

    [Theory]
    [InlineData("2023-02-29")]
    [InlineData("2023-13-01")]
    [InlineData("2023-04-31")]
    [InlineData("2023-00-10")]
    public void Days_that_do_not_exist_are_rejected(string text)
    {
        Assert.False(default(DateField).TryParse(text, out _, out var reason));
        Assert.Contains("日期不存在", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Twenty_ninth_of_February_in_a_leap_year_is_a_date()
    {
        Assert.True(default(DateField).TryParse("2024-2-29", out var date, out _));
        Assert.Equal(new DateOnly(2024, 2, 29), date);
    }

    [Theory]
    [InlineData("1899-12-31")]
    [InlineData("2202-01-01")]
    public void Implausible_years_are_rejected(string text)
    {
        Assert.False(default(DateField).TryParse(text, out _, out var reason));
        Assert.Contains("年份应在 1900 到 2100 之间", reason, StringComparison.Ordinal);
    }
}
