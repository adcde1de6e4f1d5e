using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Rules;

/// <summary>Turns the findings of one path and target into a <see cref="Decision"/>, the same way for every path.</summary>
internal static class DecisionComposer
{
    /// <summary>
    /// Derives outcome and earliest date with <see cref="Decision.Evaluate(ReadOnlySpan{Finding})"/> and adds the R12
    /// finding to an eligible decision.
    /// </summary>
    internal static Decision Compose(
        EmployeeFacts facts, ScreeningTarget target, ref StackList<Finding> findings, string basisNo = "", bool theoryExamExempt = false)
    {
        var (outcome, earliest) = Decision.Evaluate(findings.AsSpan());
        if (outcome == Outcome.Eligible)
        {
            findings.Add(VoluntaryParticipation.Finding);
        }

        return new Decision
        {
            EmployeeId = facts.Employee.EmployeeId,
            Name = facts.Employee.Name,
            Path = target.Path,
            TargetTitleLevel = target.TitleLevel,
            TargetSkillLevel = target.SkillLevel,
            TargetSeries = target.Series,
            TargetOccupation = target.Occupation,
            Outcome = outcome,
            EarliestEligibleOn = earliest,
            TheoryExamExempt = theoryExamExempt,
            Findings = findings.ToArray(),
            BasisCertificateNo = basisNo,
        };
    }

    /// <summary>
    /// An application row without a target level cannot be screened; it is kept as a decision for a person to look
    /// at rather than dropped.
    /// </summary>
    internal static Decision MissingLevel(EmployeeFacts facts, ScreeningTarget target, string ruleId, string clause)
    {
        var findings = new StackList<Finding>();
        findings.Add(Finding.Create(
            ruleId,
            clause,
            FindingKind.NeedsReview,
            $"{target.Path.ToChinese()}申报记录未注明申报层级，无法审查，请人工核实"));
        return Compose(facts, target, ref findings);
    }
}
