using EnterpriseEval.Engine.Notices;

namespace EnterpriseEval.Workflow.Review;

/// <summary>
/// The committee's pass rule (project default, after 人社部令第40号《职称评审管理暂行规定》): the vote counts when at
/// least <see cref="Quorum"/> of the committee is present, and passes when at least <see cref="Pass"/> of those
/// present vote for. Exactly the fraction is enough. Integer arithmetic: no rounding at the boundary.
/// </summary>
internal sealed record VoteRule(Fraction Pass, Fraction Quorum)
{
    public const string Source = "项目默认，人社部令第40号";

    public static VoteRule From(ReviewOptions options) =>
        new(Fraction.Parse(options.VotePass, "EnterpriseEval:Review:VotePass"), Fraction.Parse(options.Quorum, "EnterpriseEval:Review:Quorum"));

    public bool QuorumMet(int committee, int present) => Quorum.Reaches(present, committee);

    public bool Passed(int present, int votesFor) => present > 0 && Pass.Reaches(votesFor, present);

    /// <summary>The verdict on one vote and its reason in Chinese.</summary>
    public (bool QuorumMet, bool Passed, string Reason) Judge(int committee, int present, int votesFor)
    {
        if (!QuorumMet(committee, present))
        {
            return (false, false, $"出席 {present} 人，未达评委会 {committee} 人的{Quorum}，表决无效（{Source}）");
        }

        return Passed(present, votesFor)
            ? (true, true, $"赞成 {votesFor} 票，达到出席人数 {present} 人的{Pass}，通过（{Source}）")
            : (true, false, $"赞成 {votesFor} 票，未达到出席人数 {present} 人的{Pass}，未通过（{Source}）");
    }
}
