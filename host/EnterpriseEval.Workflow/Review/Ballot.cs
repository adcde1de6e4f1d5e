namespace EnterpriseEval.Workflow.Review;

/// <summary>The committee's secret ballot of a batch, opened by HR after <c>score</c> (docs/service.md, "Secret ballot").</summary>
/// <param name="OpenedOn">The day it was opened.</param>
/// <param name="Committee">How many members the committee has (the quorum counts against it).</param>
internal sealed record StoredBallotRound(DateOnly OpenedOn, int Committee);

/// <summary>A committee member of a ballot: an account with the role 评委.</summary>
internal sealed record StoredBallotMember(string UserName, string DisplayName);

/// <summary>That <paramref name="UserName"/> has voted on <paramref name="Candidate"/> — never how.</summary>
internal sealed record StoredBallotVoter(string UserName, string Candidate);

/// <summary>How many ballots for one candidate carry one choice.</summary>
internal sealed record StoredBallotCount(string Candidate, string Choice, int Count);

/// <summary>The choices of a ballot (赞成/反对/弃权): codes in the store, Chinese for people.</summary>
internal static class BallotChoice
{
    public const string For = "for";
    public const string Against = "against";
    public const string Abstain = "abstain";

    public static readonly string[] All = [For, Against, Abstain];

    public static string Chinese(string code) => code switch
    {
        For => "赞成",
        Against => "反对",
        Abstain => "弃权",
        _ => code,
    };

    /// <summary>Parses a code or its Chinese name; null otherwise.</summary>
    public static string? Parse(string? text) => text?.Trim() switch
    {
        For or "赞成" => For,
        Against or "反对" => Against,
        Abstain or "弃权" => Abstain,
        _ => null,
    };
}
