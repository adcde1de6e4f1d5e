namespace EnterpriseEval.Workflow.Review;

/// <summary>An objection raised against a candidate during the publicity (异议), with its resolution once HR made one.</summary>
/// <param name="Id">The objection's number in the store (异议编号), by which HR resolves it.</param>
internal sealed record StoredObjection(long Id, string EmployeeId, DateOnly RaisedOn, string Reason, string RecordedBy, StoredResolution? Resolution = null)
{
    /// <summary><c>open</c>, <c>upheld</c> or <c>dismissed</c>.</summary>
    public string Status => Resolution?.Outcome ?? ObjectionOutcome.Open;

    public bool IsOpen => Resolution is null;
}

/// <summary>HR's resolution of an objection: upheld (the candidate gets no notice) or dismissed (issued as passed).</summary>
internal sealed record StoredResolution(string Outcome, string Reason, DateOnly ResolvedOn, string ResolvedBy);

/// <summary>The status codes of an objection and their Chinese names.</summary>
internal static class ObjectionOutcome
{
    public const string Open = "open";
    public const string Upheld = "upheld";
    public const string Dismissed = "dismissed";

    public static string Chinese(string code) => code switch
    {
        Open => "待处理",
        Upheld => "异议成立",
        Dismissed => "异议不成立",
        _ => code,
    };

    /// <summary>Parses <c>upheld</c>/<c>dismissed</c> or their Chinese names (成立/不成立); null otherwise.</summary>
    public static string? Parse(string? text) => text?.Trim() switch
    {
        Upheld or "成立" or "异议成立" => Upheld,
        Dismissed or "不成立" or "异议不成立" => Dismissed,
        _ => null,
    };
}
