namespace EnterpriseEval.Workflow.Review;

/// <summary>How far the screening of a batch got: employees committed, of the roster's total (null: not started).</summary>
internal sealed record ScreenProgress(int Done, int? Total)
{
    public bool Complete => Total is { } total && Done >= total;
}
