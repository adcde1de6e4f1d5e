using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Engine.Screening;

/// <summary>Consecutive employees of a roster, screened: per employee in roster order, its decisions and its equivalence.</summary>
/// <param name="NotApplied">
/// Employees of the chunk not screened because the roster has applications and they have none (docs/rules.md
/// "Which decisions are made"); they have no decisions.
/// </param>
internal sealed record ScreenedChunk(IReadOnlyList<Decision>[] DecisionsByEmployee, PostEquivalence?[] Equivalences, int NotApplied = 0);
