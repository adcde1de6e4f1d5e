using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Engine.Screening;

/// <summary>The outcome of screening a roster: decisions per employee in roster order, equivalences.</summary>
internal sealed class ScreeningResult
{
    public ScreeningResult(
        DateOnly asOf,
        IReadOnlyList<IReadOnlyList<Decision>> decisionsByEmployee,
        IReadOnlyList<PostEquivalence> equivalences,
        string pluginProvenance)
    {
        PluginProvenance = pluginProvenance;
        AsOf = asOf;
        DecisionsByEmployee = decisionsByEmployee;
        Equivalences = equivalences;
    }

    public DateOnly AsOf { get; }

    /// <summary>The loaded plug-ins as <c>id@version#sha256;…</c>, recorded with every decision (empty: statutory only).</summary>
    public string PluginProvenance { get; }

    public IReadOnlyList<IReadOnlyList<Decision>> DecisionsByEmployee { get; }

    public IReadOnlyList<PostEquivalence> Equivalences { get; }

    /// <summary>
    /// Employees not screened because the roster has applications and they have none (docs/rules.md "Which decisions
    /// are made"); their lists of decisions are empty.
    /// </summary>
    public int NotApplied { get; init; }

    public IEnumerable<Decision> Decisions => DecisionsByEmployee.SelectMany(d => d);
}
