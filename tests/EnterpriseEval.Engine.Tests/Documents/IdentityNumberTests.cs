using EnterpriseEval.Sdk.Documents;

namespace EnterpriseEval.Engine.Tests.Documents;

public sealed class IdentityNumberTests
{
    [Theory]
    [InlineData("360102199001011234", "360102********1234")]
    [InlineData("36010219900101123X", "360102********123X")]
    [InlineData("360102900101123", "360102*****1123")]
    [InlineData("1234567890", "**********")]
    [InlineData("", "")]
    public void Identity_number_keeps_the_first_six_and_last_four(string idNumber, string expected)
    {
        Assert.Equal(expected, IdentityNumber.Mask(idNumber));
    }

    [Fact]
    public void Date_reads_year_month_day_without_leading_zeros()
    {
        Assert.Equal("2026年11月24日", ChineseDate.Format(new(2026, 11, 24)));
        Assert.Equal("2027年1月5日", ChineseDate.Format(new(2027, 1, 5)));
    }
}
