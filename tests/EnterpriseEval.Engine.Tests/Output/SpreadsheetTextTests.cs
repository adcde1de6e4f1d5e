using EnterpriseEval.Engine.Output;

namespace EnterpriseEval.Engine.Tests.Output;

/// <summary>docs/security.md, "Outputs": what a spreadsheet would run or hide is neutralised, nothing else changes.</summary>
public sealed class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"点我\")", "'=HYPERLINK(\"http://x\",\"点我\")")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1+1", "'\\u0009=1+1")]
    [InlineData("\r=1+1", "'\\u000D=1+1")]
    public void A_value_a_spreadsheet_would_read_as_a_formula_gets_a_leading_apostrophe(string value, string written) =>
        Assert.Equal(written, SpreadsheetText.Safe(value));

    [Theory]
    [InlineData("张\u0000三", "张\\u0000三")]
    [InlineData("\u001B[31m红字", "\\u001B[31m红字")]
    [InlineData("陈\u202E明", "陈\\u202E明")]
    [InlineData("王\u2066五\u2069", "王\\u2066五\\u2069")]
    public void Control_characters_and_direction_overrides_are_written_visibly(string value, string written) =>
        Assert.Equal(written, SpreadsheetText.Safe(value));

    [Theory]
    [InlineData("张三")]
    [InlineData("HM0045")]
    [InlineData("取得技师职业技能等级后从事技术技能工作已满3年（人社部发〔2020〕96号 二（二）1）")]
    [InlineData("a=b")]
    [InlineData("")]
    public void Ordinary_values_are_written_as_they_are_without_a_copy(string value) =>
        Assert.Same(value, SpreadsheetText.Safe(value));
}
