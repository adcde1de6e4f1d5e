using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Rules;

/// <summary>技能人才评职称 (96号 二（二）1): R1–R3, R4, R6; R5 holds because no rule here reads education and the like.</summary>
internal sealed class SkillToTitlePath(CompiledPolicy policy) : IPathScreener
{
    public ScreeningPath Path => ScreeningPath.SkillToTitle;

    // A target needs a certificate at the lowest rung (高级工) or above.
    // A certificate of the lowest rung (高级工) or above, noted on the record when its certificates were set.
    public bool MayOpen(EmployeeRecord record) => record.HighestCertificateLevel >= Ladder.Rungs[0].Skill;

    public void AddPossibleTargets(EmployeeFacts facts, ref StackList<ScreeningTarget> targets)
    {
        // Below the lowest rung (高级工) no title opens: the series is not looked up for nothing.
        var highest = facts.HighestCertificate();
        if (highest is null || highest.Level < Ladder.Rungs[0].Skill)
        {
            return;
        }

        var series = policy.SeriesFor(facts);
        foreach (var rung in Ladder.Rungs)
        {
            if (highest.Level >= rung.Skill && facts.IsAboveEveryTitle(rung.Title, series.Series))
            {
                targets.Add(ScreeningTarget.ForTitle(Path, rung.Title, series));
            }
        }
    }

    public ScreeningTarget TargetOf(EmployeeFacts facts, Application application) =>
        application.TargetSeries is { } asked
            ? ScreeningTarget.ForTitle(Path, application.TargetTitleLevel, asked)
            : ScreeningTarget.ForTitle(Path, application.TargetTitleLevel, policy.SeriesFor(facts));

    public Decision Screen(EmployeeFacts facts, ScreeningTarget target)
    {
        if (target.TitleLevel is not { } level)
        {
            return DecisionComposer.MissingLevel(facts, target, "R1", Clauses.SkillToTitle);
        }

        var findings = new StackList<Finding>();
        SkillCertificate? basis = null;
        if (Ladder.ForTitle(level) is { } rung)
        {
            findings.Add(SkillYearsRule.Check(facts, rung, out basis));
        }
        else
        {
            findings.Add(OffTheLadder(level));
        }

        AnnualAssessmentRule.Check(facts, ref findings);
        findings.Add(ThroughSeriesRule.Check(target));
        return DecisionComposer.Compose(facts, target, ref findings, basis?.CertificateNo ?? "");
    }

    // 96号 二（二）1 opens 助理级, 中级 and 副高级 only; 正高级 is reached through the green channel.
    private static Finding OffTheLadder(TitleLevel level) => Finding.Create(
        level > TitleLevel.AssociateSenior ? "R3" : "R1",
        Clauses.SkillToTitle,
        FindingKind.Failed,
        $"技能人才凭职业技能等级可申报助理级、中级、副高级职称，申报的{level.ToChinese()}职称不在其列" +
        (level > TitleLevel.AssociateSenior ? "，可符合条件时经绿色通道申报" : ""));
}
