namespace EnterpriseEval.Engine;

/// <summary>How far a run is: the stage (Chinese, for a progress bar) and employees done of the total.</summary>
/// <param name="Stage">The stage, e.g. 读取花名册 or 资格筛查.</param>
/// <param name="Done">Employees screened so far (0 in stages that count nothing).</param>
/// <param name="Total">Employees to screen in all (0 while not yet known).</param>
public sealed record EngineProgress(string Stage, int Done, int Total);

/// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread, in order (unlike <see cref="Progress{T}"/>).</summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
