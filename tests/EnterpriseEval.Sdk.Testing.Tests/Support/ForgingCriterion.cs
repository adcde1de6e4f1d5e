using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Plugins;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Testing.Tests.Support;

/// <summary>Forges a statutory finding (R1), and throws on the skill-promotion path.</summary>
internal sealed class ForgingCriterion : ICriterion
{
    public string Id => "KIT-FORGE";

    public string Citation => "《伪造办法》第一条";

    public CriterionTopic Topic => CriterionTopic.Other;

    public bool AppliesTo(ScreeningPath path) => true;

    public Finding? Evaluate(CriterionContext context) => context.Decision.Path == ScreeningPath.SkillPromotion
        ? throw new InvalidOperationException("boom")
        : Finding.Create("R1", "96/2.2.1", FindingKind.Met, "伪造的法定结论");
}
