using EnterpriseEval.Engine.Output;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Engine.Tests.Documents;

/// <summary>How notices and the watch diff name a decision's target, with and without a declared series.</summary>
public sealed class DecisionTextTests
{
    private static Decision Title(TitleSeries? series) => new()
    {
        EmployeeId = "E1",
        Name = "张三",
        Path = ScreeningPath.SkillToTitle,
        TargetTitleLevel = TitleLevel.Intermediate,
        TargetSeries = series,
        Outcome = Outcome.NeedsReview,
        Findings = [],
    };

    [Fact]
    public void A_title_target_names_its_series() =>
        Assert.Equal("工程系列中级职称", DecisionText.Target(Title(TitleSeries.Engineering)));

    [Fact]
    public void A_title_target_without_a_declared_series_says_the_series_is_to_be_confirmed()
    {
        // 96号 二（一）: with no 专业对应关系 declared there is no series to name, and none is guessed.
        Assert.Equal("中级职称（职称系列待确认）", DecisionText.Target(Title(null)));
    }
}
