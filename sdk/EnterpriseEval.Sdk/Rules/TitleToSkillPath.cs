using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Rules;

/// <summary>专业技术人才参加职业技能评价 (96号 二（四）): R8, with the R9 flag.</summary>
internal sealed class TitleToSkillPath(TitleToSkillRule titleToSkill, RelatedMajorRule relatedMajor) : IPathScreener
{
    public ScreeningPath Path => ScreeningPath.TitleToSkill;

    // A target needs a title.
    public bool MayOpen(EmployeeRecord record) => record.Titles.Count > 0;

    public void AddPossibleTargets(EmployeeFacts facts, ref StackList<ScreeningTarget> targets)
    {
        if (facts.HighestTitle is not { } title || Ladder.SkillForTitle(title.Level) is not { } level)
        {
            return;
        }

        var occupation = facts.Employee.Occupation;
        // Someone who already holds the level in the occupation of the post has nothing to apply for.
        if (occupation.Length > 0 && facts.HighestCertificate(occupation) is { } held && held.Level >= level)
        {
            return;
        }

        targets.Add(ScreeningTarget.ForSkill(Path, level, occupation));
    }

    public ScreeningTarget TargetOf(EmployeeFacts facts, Application application) =>
        ScreeningTarget.ForSkill(
            Path,
            application.TargetSkillLevel,
            application.TargetOccupation.Length > 0 ? application.TargetOccupation : facts.Employee.Occupation);

    public Decision Screen(EmployeeFacts facts, ScreeningTarget target)
    {
        if (target.SkillLevel is not { } level)
        {
            return DecisionComposer.MissingLevel(facts, target, "R8", Clauses.TitleToSkill);
        }

        var findings = new StackList<Finding>();
        titleToSkill.Check(facts, level, target.Occupation, ref findings, out var basis);
        var exemption = relatedMajor.Check(facts.Employee, target.Occupation);
        if (exemption is not null)
        {
            findings.Add(exemption);
        }

        return DecisionComposer.Compose(facts, target, ref findings, basis?.CertificateNo ?? "", exemption is not null);
    }
}
