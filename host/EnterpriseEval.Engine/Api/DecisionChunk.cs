using EnterpriseEval.Engine.Screening;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Engine;

/// <summary>
/// Consecutive employees of a run, screened: for each, in roster order, its decisions and its post equivalence. A sink
/// receives the chunks of a run in order (<see cref="IDecisionSink"/>).
/// </summary>
public sealed class DecisionChunk
{
    internal DecisionChunk(int firstEmployee, ScreenedChunk screened)
    {
        FirstEmployee = firstEmployee;
        Screened = screened;
    }

    /// <summary>The position in the run's roster (0-based) of the chunk's first employee.</summary>
    public int FirstEmployee { get; }

    /// <summary>The number of employees in the chunk.</summary>
    public int Count => Screened.DecisionsByEmployee.Length;

    /// <summary>
    /// Per employee, its decisions: by path and ascending target; empty when the employee reaches no path, or was not
    /// screened because the roster has applications and the employee none (docs/rules.md "Which decisions are made").
    /// </summary>
    public IReadOnlyList<IReadOnlyList<Decision>> DecisionsByEmployee => Screened.DecisionsByEmployee;

    /// <summary>Per employee, the post equivalence (岗位比照) of an appointment held on the cut-off, or null.</summary>
    public IReadOnlyList<PostEquivalence?> Equivalences => Screened.Equivalences;

    /// <summary>Employees of the chunk not screened because the roster has applications and they have none.</summary>
    public int NotApplied => Screened.NotApplied;

    /// <summary>The screened chunk as the engine's writers read it (arrays, no copies).</summary>
    internal ScreenedChunk Screened { get; }
}
