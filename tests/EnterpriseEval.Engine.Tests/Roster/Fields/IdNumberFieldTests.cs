using EnterpriseEval.Engine.Roster.Fields;

namespace EnterpriseEval.Engine.Tests.Roster.Fields;

public sealed class IdNumberFieldTests
{
    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("440304199001011233")]
    [InlineData("320102198008150011")]
    public void Numbers_with_a_correct_check_character_are_valid(string text)
    {
        Assert.True(default(IdNumberField).TryParse(text, out var value, out _));
        Assert.Equal(text, value);
    }

    [Fact]
    public void Lowercase_x_is_accepted_and_normalised()
    {
        Assert.True(default(IdNumberField).TryParse("11010519491231002x", out var value, out _));
        Assert.Equal("11010519491231002X", value);
    }

    [Theory]
    [InlineData("110105491231002", "应为 18 位")]
    [InlineData("11010519491231002X1", "应为 18 位")]
    [InlineData("11010519491231002Y", "校验位不正确（按前 17 位应为 X）")]
    [InlineData("440304199001011234", "校验位不正确（按前 17 位应为 3）")]
    [InlineData("4403041990010112 3", "前 17 位应为数字")]
    public void Wrong_length_digits_or_check_character_are_invalid(string text, string reason)
    {
        Assert.False(default(IdNumberField).TryParse(text, out _, out var actual));
        Assert.Contains(reason, actual, StringComparison.Ordinal);
    }
}
