using EnterpriseEval.Sdk.Documents;

namespace EnterpriseEval.Engine.Tests.Documents;

public sealed class ChineseAmountTests
{
    [Theory]
    [InlineData("0", "零元整")]
    [InlineData("0.05", "伍分")]
    [InlineData("0.5", "伍角")]
    [InlineData("10", "拾元整")]
    [InlineData("1002.30", "壹仟零贰元叁角")]
    [InlineData("10000", "壹万元整")]
    [InlineData("100000000", "壹亿元整")]
    [InlineData("1.05", "壹元零伍分")]
    [InlineData("1200", "壹仟贰佰元整")]
    [InlineData("110", "壹佰壹拾元整")]
    [InlineData("150000", "拾伍万元整")]
    [InlineData("1000001", "壹佰万零壹元整")]
    [InlineData("100010000", "壹亿零壹万元整")]
    [InlineData("10000000", "壹仟万元整")]
    [InlineData("60036.78", "陆万零叁拾陆元柒角捌分")]
    [InlineData("4652.30", "肆仟陆佰伍拾贰元叁角")]
    [InlineData("0.005", "壹分")]
    [InlineData("-25.5", "负贰拾伍元伍角")]
    public void Capital_amount_follows_the_renminbi_writing_rules(string figure, string expected)
    {
        Assert.Equal(expected, ChineseAmount.ToCapital(decimal.Parse(figure, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Amount_beyond_wan_yi_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChineseAmount.ToCapital(ChineseAmount.MaxCapital + 1));
    }

    [Theory]
    [InlineData("1200", "1,200.00")]
    [InlineData("0.005", "0.01")]
    [InlineData("1234567.891", "1,234,567.89")]
    public void Figure_has_thousands_separators_and_two_decimals(string figure, string expected)
    {
        Assert.Equal(expected, ChineseAmount.ToFigure(decimal.Parse(figure, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
