using EnterpriseEval.Engine.Output;

namespace EnterpriseEval.Engine.Tests.Output;

/// <summary>docs/security.md, "Privacy": a 身份证号 quoted in a free text is masked; other numbers are left alone.</summary>
public sealed class IdentityScrubberTests
{
    [Theory]
    [InlineData("36010219710308051X", "360102********051X")]
    [InlineData("HM0001,彭建华,36010219710308051X,1971-03-08", "HM0001,彭建华,360102********051X,1971-03-08")]
    [InlineData("查询 360102197103080519 失败", "查询 360102********0519 失败")]
    [InlineData("旧号 360102710308051", "旧号 360102*****8051")]
    public void Identity_numbers_in_a_text_are_masked(string text, string scrubbed) =>
        Assert.Equal(scrubbed, IdentityScrubber.Scrub(text));

    [Theory]
    [InlineData("证书编号 S2019360100001234")]
    [InlineData("2026-12-31")]
    [InlineData("1234567890123456789012")]
    [InlineData("数据源不可用")]
    public void Other_texts_are_left_as_they_are(string text) =>
        Assert.Same(text, IdentityScrubber.Scrub(text));
}
