namespace EnterpriseEval.Workflow.Review;

/// <summary>What <c>review replay</c> found: decisions compared, the differences, and why they may differ.</summary>
internal sealed record ReplayReport(int Compared, IReadOnlyList<string> Differences, IReadOnlyList<string> Causes)
{
    public bool Identical => Differences.Count == 0;
}
