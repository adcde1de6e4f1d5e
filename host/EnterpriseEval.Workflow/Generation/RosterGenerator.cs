using EnterpriseEval.Engine;

namespace EnterpriseEval.Workflow.Generation;

/// <summary>
/// <c>eeval generate</c>: a deterministic synthetic roster in the docs/roster.md format, for demonstrations, tests and
/// measurements at any size. Streams straight to the files, so a million employees never sit in memory.
/// </summary>
internal static class RosterGenerator
{
    private const int ProgressInterval = 4096;

    /// <summary>Writes the roster; the same request always gives the same bytes.</summary>
    /// <param name="request">Count, seed and folder.</param>
    /// <param name="progress">Receives the number of employees written so far.</param>
    /// <param name="cancellationToken">Stops between employees.</param>
    /// <exception cref="UserFacingException">The folder cannot be created or written.</exception>
    public static GenerationSummary Generate(GenerationRequest request, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.Employees);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Employees, GenerationRequest.MaxEmployees);
        try
        {
            Directory.CreateDirectory(request.OutputDirectory);
            using var roster = new GeneratedRoster(request.OutputDirectory);
            var synthesizer = new EmployeeSynthesizer(new Random(request.Seed), roster, request.Employees);
            for (var i = 0; i < request.Employees; i++)
            {
                synthesizer.Write(i);
                if ((i + 1) % ProgressInterval == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Report(i + 1);
                }
            }

            progress?.Report(request.Employees);
            return new GenerationSummary(
                checked((int)roster.Employees.Rows),
                [.. roster.Tables.Select(t => (t.FileName, t.Rows))],
                synthesizer.Planted,
                [.. roster.Tables.Select(t => t.FilePath)]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserFacingException($"无法写入花名册文件夹：{request.OutputDirectory}（{e.Message}）", e);
        }
    }
}
