using EnterpriseEval.Engine.Output;
using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;
using EnterpriseEval.Service.Security;

namespace EnterpriseEval.Service.Screening;

/// <summary>One decision in a page of decisions: codes for machines, Chinese names for people.</summary>
internal sealed record DecisionItem(
    string EmployeeId, string Name, string Department, string Path, string PathName, string TargetLevel, string Target, string TargetSeries,
    string TargetOccupation, string Outcome, string OutcomeName, DateOnly? EarliestEligibleOn, bool TheoryExamExempt, string RuleIds, string Reasons);

/// <summary>One finding of a decision: the rule, the policy clause it applies, what it found.</summary>
internal sealed record FindingItem(string RuleId, string Clause, string Kind, string Message, DateOnly? MetOn);

/// <summary>A decision with its findings (the employee resource).</summary>
internal sealed record DecisionDetail(DecisionItem Decision, IReadOnlyList<FindingItem> Findings);

/// <summary>
/// The employee as the API shows them: the 身份证号 whole only to hr and admin (docs/service.md, "Privacy"), masked as
/// the notices print it for everyone else.
/// </summary>
internal sealed record EmployeeItem(string EmployeeId, string Name, string Department, string Post, string Occupation, string IdNumber, DateOnly HireDate);

/// <summary>A page of decisions with the total that matched.</summary>
internal sealed record DecisionPage(int Total, int Page, int PageSize, IReadOnlyList<DecisionItem> Items);

/// <summary>An employee's screening: who, and every decision with its findings and clauses.</summary>
internal sealed record EmployeeScreening(EmployeeItem Employee, IReadOnlyList<DecisionDetail> Decisions);

internal static class DecisionViews
{
    public static DecisionItem Item(EmployeeRecord record, Decision d, Actor actor)
    {
        var reasons = DecisionColumns.Reasons(d.Findings);
        return new DecisionItem(
            d.EmployeeId, d.Name, record.Employee.Department, d.Path.ToCode(), d.Path.ToChinese(), d.TargetLevelCode, DecisionText.Target(d),
            d.TargetSeries?.ToCode() ?? "", d.TargetOccupation, d.Outcome.ToCode(), d.Outcome.ToChinese(), d.EarliestEligibleOn, d.TheoryExamExempt,
            DecisionColumns.RuleIds(d.Findings), actor.SeesIdNumbers ? reasons : IdentityScrubber.Scrub(reasons));
    }

    public static EmployeeItem Employee(EmployeeRecord record, Actor actor)
    {
        var e = record.Employee;
        var id = e.IdNumber ?? "";
        return new EmployeeItem(e.EmployeeId, e.Name, e.Department, e.Post, e.Occupation, actor.SeesIdNumbers ? id : IdentityNumber.Mask(id), e.HireDate);
    }

    public static EmployeeScreening Screening(EmployeeRecord record, IReadOnlyList<Decision> decisions, Actor actor) =>
        new(Employee(record, actor), [.. decisions.Select(d => new DecisionDetail(
            Item(record, d, actor),
            [.. DecisionColumns.InReadingOrder(d.Findings).Select(f => new FindingItem(
                f.RuleId, f.Clause, f.Kind.ToString(), actor.SeesIdNumbers ? f.Message : IdentityScrubber.Scrub(f.Message), f.MetOn))]))]);
}
