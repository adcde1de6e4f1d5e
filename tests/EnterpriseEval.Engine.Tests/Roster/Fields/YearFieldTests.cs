using EnterpriseEval.Engine.Roster.Fields;

namespace EnterpriseEval.Engine.Tests.Roster.Fields;

public sealed class YearFieldTests
{
    [Theory]
    [InlineData("2023")]
    [InlineData("2023年")]
    [InlineData("2023年度")]
    [InlineData("２０２３")]
    [InlineData("２０２３年")]
    public void Four_digits_with_or_without_nian_are_a_year(string text)
    {
        Assert.True(default(YearField).TryParse(text, out var year, out _));
        Assert.Equal(2023, year);
    }

    [Theory]
    [InlineData("23")]
    [InlineData("2023.0")]
    [InlineData("二〇二三")]
    [InlineData("0023")]
    [InlineData("２３")]
    public void Anything_else_is_rejected(string text)
    {
        Assert.False(default(YearField).TryParse(text, out _, out var reason));
        Assert.Contains("年度应为四位数字年份", reason, StringComparison.Ordinal);
    }
}
