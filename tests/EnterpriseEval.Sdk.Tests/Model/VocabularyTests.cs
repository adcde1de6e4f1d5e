using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Sdk.Tests.Model;

/// <summary>What HR types into a roster and what the outputs print: codes, Chinese names and aliases.</summary>
public sealed class VocabularyTests
{
    [Theory]
    [InlineData("senior_worker", SkillLevel.SeniorWorker)]
    [InlineData(" SENIOR_WORKER ", SkillLevel.SeniorWorker)]
    [InlineData("高级工", SkillLevel.SeniorWorker)]
    [InlineData("三级/高级工", SkillLevel.SeniorWorker)]
    [InlineData("一级", SkillLevel.SeniorTechnician)]
    public void A_code_a_Chinese_name_or_an_alias_parses(string text, SkillLevel expected)
    {
        Assert.True(Vocabulary.TryParse(text, out SkillLevel value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("大师")]
    public void Anything_else_does_not(string? text) =>
        Assert.False(Vocabulary.TryParse(text, out SkillLevel _));

    [Fact]
    public void Every_value_has_a_code_and_a_Chinese_name_that_parse_back_to_it()
    {
        foreach (var level in Enum.GetValues<SkillLevel>())
        {
            Assert.True(Vocabulary.TryParse(level.ToCode(), out SkillLevel byCode));
            Assert.True(Vocabulary.TryParse(level.ToChinese(), out SkillLevel byName));
            Assert.Equal(level, byCode);
            Assert.Equal(level, byName);
        }

        Assert.Equal("技能人才评职称", ScreeningPath.SkillToTitle.ToChinese());
        Assert.Equal("needs_review", Outcome.NeedsReview.ToCode());
    }

    [Fact]
    public void The_accepted_values_are_listed_in_ladder_order_for_messages()
    {
        var described = Vocabulary.Describe<SkillLevel>();

        Assert.StartsWith("学徒工(apprentice)、初级工(junior_worker)、", described, StringComparison.Ordinal);
        Assert.EndsWith("特级技师(principal_technician)、首席技师(chief_technician)", described, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_outside_the_vocabulary_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ((SkillLevel)99).ToChinese());
        Assert.Contains("SkillLevel", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => ((TitleLevel)(-1)).ToCode());
    }

    [Fact]
    public void An_enum_that_is_not_a_vocabulary_parses_nothing_and_describes_nothing()
    {
        Assert.False(Vocabulary.TryParse("Monday", out DayOfWeek _));
        Assert.False(Vocabulary.TryParse("1", out ConsoleKey _));
        Assert.Equal("", Vocabulary.Describe<DayOfWeek>());
        Assert.Equal("", Vocabulary.Describe<ByteSized>());
    }

    private enum ByteSized : byte
    {
        One = 1,
    }
}
