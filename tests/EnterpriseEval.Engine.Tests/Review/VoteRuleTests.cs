using EnterpriseEval.Workflow.Review;
using EnterpriseEval.Engine.Notices;

namespace EnterpriseEval.Engine.Tests.Review;

public sealed class VoteRuleTests
{
    private static readonly VoteRule Rule = VoteRule.From(new ReviewOptions());

    [Theory]
    [InlineData(12, 8, true)] // exactly 2/3 of those present
    [InlineData(12, 7, false)] // just under
    [InlineData(9, 6, true)]
    [InlineData(10, 7, true)] // 7/10 > 2/3
    [InlineData(10, 6, false)] // 6/10 < 2/3
    public void Passes_with_at_least_two_thirds_of_those_present_voting_for(int present, int votesFor, bool passed) =>
        Assert.Equal(passed, Rule.Judge(present, present, votesFor).Passed);

    [Theory]
    [InlineData(15, 10, true)] // exactly 2/3 of the committee present
    [InlineData(15, 9, false)] // just missed
    [InlineData(7, 5, true)] // 5/7 > 2/3
    [InlineData(7, 4, false)]
    public void Counts_only_when_two_thirds_of_the_committee_are_present(int committee, int present, bool quorum)
    {
        var (quorumMet, passed, reason) = Rule.Judge(committee, present, present);

        Assert.Equal(quorum, quorumMet);
        Assert.Equal(quorum, passed);
        Assert.Contains("人社部令第40号", reason);
        Assert.Contains(quorum ? "通过" : "表决无效", reason);
    }

    [Fact]
    public void A_configured_fraction_replaces_the_project_default() =>
        Assert.False(VoteRule.From(new ReviewOptions { VotePass = "3/4" }).Judge(12, 12, 8).Passed);

    [Fact]
    public void A_malformed_fraction_is_a_configuration_error_in_Chinese() =>
        Assert.Contains("配置错误", Assert.Throws<UserFacingException>(() => VoteRule.From(new ReviewOptions { Quorum = "3/2" })).Message);
}
