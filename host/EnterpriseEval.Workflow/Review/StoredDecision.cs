namespace EnterpriseEval.Workflow.Review;

/// <summary>
/// One screening decision as the review store keeps it: the columns of <c>decisions.csv</c> plus the structured
/// findings. Value equality is what <c>review replay</c> compares.
/// </summary>
internal sealed record StoredDecision(
    int EmployeeIndex,
    string EmployeeId,
    string Name,
    string Path,
    string TargetLevel,
    string TargetSeries,
    string TargetOccupation,
    string Outcome,
    string EarliestEligibleOn,
    bool TheoryExamExempt,
    string BasisCertificateNo,
    string RuleIds,
    string Reasons,
    string FindingsJson)
{
    /// <summary>What a candidate is: employee, path and target (one vote each).</summary>
    public string CandidateKey => $"{EmployeeId}|{Path}|{TargetLevel}";
}
