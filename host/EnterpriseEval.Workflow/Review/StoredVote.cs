namespace EnterpriseEval.Workflow.Review;

/// <summary>The committee's vote on one candidate, with the pass rule's verdict.</summary>
internal sealed record StoredVote(
    string EmployeeId,
    string Name,
    string Path,
    string TargetLevel,
    int Committee,
    int Present,
    int For,
    int Against,
    int Abstain,
    bool QuorumMet,
    bool Passed,
    string Reason);
