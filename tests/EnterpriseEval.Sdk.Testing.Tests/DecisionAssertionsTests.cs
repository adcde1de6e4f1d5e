using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Testing.Tests;

public sealed class DecisionAssertionsTests
{
    private static readonly Decision Decision = new()
    {
        EmployeeId = "E1",
        Name = "张三",
        Path = ScreeningPath.SkillToTitle,
        TargetTitleLevel = TitleLevel.Intermediate,
        Outcome = Outcome.NotEligible,
        Findings = [Finding.Create("R2", "96/2.2.1", FindingKind.Failed, "取得技师后未满3年", new DateOnly(2027, 7, 1))],
    };

    [Fact]
    public void A_wrong_outcome_fails_in_Chinese_first_showing_every_finding()
    {
        var e = Assert.Throws<PluginAssertionException>(() => Decision.ShouldBe(Outcome.Eligible));

        Assert.StartsWith("结论应为符合", e.Message, StringComparison.Ordinal);
        Assert.Contains("取得技师后未满3年（人社部发〔2020〕96号 二（二）1）", e.Message, StringComparison.Ordinal);
        Assert.Contains("Expected outcome eligible", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Finding_assertions_match_rule_kind_and_text()
    {
        Decision.ShouldHaveFinding("R2").ShouldHaveFinding("R2", FindingKind.Failed, "未满3年").ShouldNotHaveFinding("R1");

        Assert.Throws<PluginAssertionException>(() => Decision.ShouldHaveFinding("R2", FindingKind.Met));
        Assert.Throws<PluginAssertionException>(() => Decision.ShouldHaveFinding("R2", messageContains: "满4年"));
        Assert.Throws<PluginAssertionException>(() => Decision.ShouldNotHaveFinding("R2"));
    }
}
