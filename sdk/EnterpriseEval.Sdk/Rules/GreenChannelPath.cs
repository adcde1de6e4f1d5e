using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Rules;

/// <summary>绿色通道 (96号 二（二）3): R7, with R4 and R6.</summary>
internal sealed class GreenChannelPath(CompiledPolicy policy, GreenChannelRule greenChannel) : IPathScreener
{
    private static readonly TitleLevel[] Targets = [TitleLevel.AssociateSenior, TitleLevel.Senior];

    public ScreeningPath Path => ScreeningPath.GreenChannel;

    // A target needs an honour.
    public bool MayOpen(EmployeeRecord record) => record.Honours.Count > 0;

    public void AddPossibleTargets(EmployeeFacts facts, ref StackList<ScreeningTarget> targets)
    {
        if (!HasHonour(facts))
        {
            return;
        }

        var series = policy.SeriesFor(facts);
        foreach (var level in Targets)
        {
            if (facts.IsAboveEveryTitle(level, series.Series))
            {
                targets.Add(ScreeningTarget.ForTitle(Path, level, series));
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
            return DecisionComposer.MissingLevel(facts, target, "R7", Clauses.GreenChannel);
        }

        var findings = new StackList<Finding>();
        greenChannel.Check(facts, level, ref findings);
        AnnualAssessmentRule.Check(facts, ref findings);
        findings.Add(ThroughSeriesRule.Check(target));
        return DecisionComposer.Compose(facts, target, ref findings);
    }

    // Any honour awarded by the cut-off makes the path worth trying; an honour outside the configured list, or an
    // honour holder without a 高级工-or-higher certificate (not 高技能人才, R7), is then refused with a reason rather
    // than silently skipped (docs/rules.md, "Decisions taken where the table above is silent").
    private static bool HasHonour(EmployeeFacts facts)
    {
        foreach (var honour in facts.Honours)
        {
            if (honour.AwardedOn <= facts.AsOf)
            {
                return true;
            }
        }

        return false;
    }
}
