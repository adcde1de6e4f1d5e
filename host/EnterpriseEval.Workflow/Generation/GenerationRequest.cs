namespace EnterpriseEval.Workflow.Generation;

/// <summary>What <c>eeval generate</c> was asked to produce.</summary>
/// <param name="Employees">The number of employees (good and planted bad <c>employees.csv</c> rows together).</param>
/// <param name="Seed">The seed of <see cref="System.Random"/>: the same seed and count give the same bytes.</param>
/// <param name="OutputDirectory">The roster folder to write (created when missing; files in it are replaced).</param>
internal sealed record GenerationRequest(int Employees, int Seed, string OutputDirectory)
{
    /// <summary>The largest roster the generator writes; far above any real enterprise, well inside an int row count.</summary>
    public const int MaxEmployees = 20_000_000;
}
