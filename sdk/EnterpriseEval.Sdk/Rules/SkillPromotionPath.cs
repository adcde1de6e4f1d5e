using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Rules;

/// <summary>职业技能晋级评价 (96号 二（四）): R10.</summary>
internal sealed class SkillPromotionPath(SkillPromotionRule promotion) : IPathScreener
{
    public ScreeningPath Path => ScreeningPath.SkillPromotion;

    // A target needs a certificate, and a title or a professional-technical post (EmployeeFacts.IsProfessionalTechnical).
    // A certificate, and a title or a technical post: the first and the last noted on the record (no certificate row or
    // employee row read).
    public bool MayOpen(EmployeeRecord record) =>
        record.HighestCertificateLevel is not null && (record.InTechnicalPost || record.Titles.Count > 0);

    public void AddPossibleTargets(EmployeeFacts facts, ref StackList<ScreeningTarget> targets)
    {
        if (!facts.IsProfessionalTechnical ||
            facts.HighestCertificate() is not { } highest ||
            highest.Level >= SkillLevel.SeniorTechnician)
        {
            return;
        }

        targets.Add(ScreeningTarget.ForSkill(Path, highest.Level + 1, highest.Occupation));
    }

    public ScreeningTarget TargetOf(EmployeeFacts facts, Application application)
    {
        // The application's occupation, else the post's, else that of the highest certificate held.
        var occupation = application.TargetOccupation.Length > 0
            ? application.TargetOccupation
            : facts.Employee.Occupation.Length > 0
                ? facts.Employee.Occupation
                : facts.HighestCertificate()?.Occupation ?? "";
        return ScreeningTarget.ForSkill(Path, application.TargetSkillLevel, occupation);
    }

    public Decision Screen(EmployeeFacts facts, ScreeningTarget target)
    {
        if (target.SkillLevel is not { } level)
        {
            return DecisionComposer.MissingLevel(facts, target, "R10", Clauses.TitleToSkill);
        }

        var findings = new StackList<Finding>();
        promotion.Check(facts, level, target.Occupation, ref findings, out var basis);
        return DecisionComposer.Compose(facts, target, ref findings, basis?.CertificateNo ?? "");
    }
}
