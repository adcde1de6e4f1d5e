using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Runtime.Screening;

/// <summary>Consecutive employees of a roster, screened: per employee in roster order, its decisions and its equivalence.</summary>
internal sealed record ScreenedChunk(IReadOnlyList<Decision>[] DecisionsByEmployee, PostEquivalence?[] Equivalences);
