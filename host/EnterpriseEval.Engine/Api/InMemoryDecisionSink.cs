using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Engine;

/// <summary>
/// A sink that keeps every decision in memory, for tests and for callers that need them all afterwards (notices, the
/// watch's diff). <see cref="ScreeningEngine.Screen"/> returns one, filled.
/// </summary>
public sealed class InMemoryDecisionSink : IDecisionSink, IRestartableSink
{
    private readonly List<IReadOnlyList<Decision>> _byEmployee = [];
    private readonly List<PostEquivalence> _equivalences = [];

    /// <summary>Per employee in roster order, its decisions.</summary>
    public IReadOnlyList<IReadOnlyList<Decision>> DecisionsByEmployee => _byEmployee;

    /// <summary>Every decision, employees in roster order, each employee's by path and ascending target.</summary>
    public IEnumerable<Decision> Decisions => _byEmployee.SelectMany(d => d);

    /// <summary>Post equivalences (岗位比照) in roster order.</summary>
    public IReadOnlyList<PostEquivalence> Equivalences => _equivalences;

    /// <summary>What the run read and screened; null until the run completes.</summary>
    public ScreeningSummary? Summary { get; private set; }

    /// <inheritdoc/>
    public ValueTask WriteAsync(DecisionChunk chunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var screened = chunk.Screened;
        _byEmployee.AddRange(screened.DecisionsByEmployee);
        foreach (var e in screened.Equivalences)
        {
            if (e is not null)
            {
                _equivalences.Add(e);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask CompleteAsync(ScreeningSummary summary, CancellationToken cancellationToken)
    {
        Summary = summary;
        return ValueTask.CompletedTask;
    }

    void IRestartableSink.Restart()
    {
        _byEmployee.Clear();
        _equivalences.Clear();
        Summary = null;
    }
}
