using EnterpriseEval.Runtime.Plugins;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Runtime.Screening;

/// <summary>
/// The screening stage of the pipeline: statutory rules, then plug-in criteria behind their guardrails, for every
/// employee, on all cores when the roster is large. Output order never depends on the number of threads.
/// </summary>
internal sealed class Screener(IOptions<PolicyOptions> policy, IOptions<ScreeningOptions> screening, IOptions<PluginsOptions> pluginOptions)
{
    public ScreeningResult Screen(IReadOnlyList<EmployeeRecord> records, DateOnly asOf, PluginSet plugins, IProgress<int>? progress = null)
    {
        var rules = CreateRules(plugins);
        var scheduler = new GuardedScheduler(
            records.Count >= screening.Value.ParallelThreshold ? Environment.ProcessorCount : 1,
            pluginOptions.Value.CriterionTimeoutMilliseconds);
        var criteria = new CriteriaStage(plugins, scheduler);
        var decisions = new IReadOnlyList<Decision>[records.Count];
        var equivalences = new PostEquivalence?[records.Count];

        scheduler.Run(
            records.Count,
            (i, slot) =>
            {
                var record = records[i];
                var screened = criteria.Apply(record, rules.Screen(record, asOf), asOf, slot);
                var equivalence = rules.Equivalence(record, asOf);
                if (equivalence is not null && plugins.Loaded.Count > 0)
                {
                    equivalence = equivalence with
                    {
                        EnterpriseGrade = plugins.GradeFor(record, equivalence.AppointedSkillLevel, equivalence.EquivalentTitleLevel),
                    };
                }

                if (!slot.Abandoned)
                {
                    decisions[i] = screened;
                    equivalences[i] = equivalence;
                }
            },
            progress is null ? null : progress.Report);

        return new ScreeningResult(asOf, decisions, [.. equivalences.OfType<PostEquivalence>()], plugins.Provenance);
    }

    private StatutoryRuleSet CreateRules(PluginSet plugins)
    {
        try
        {
            return StatutoryRuleSet.Create(plugins.ApplyTo(policy.Value));
        }
        catch (ArgumentException e)
        {
            throw new UserFacingException($"配置错误（{PolicyOptions.SectionName}）：{e.Message}", e);
        }
    }
}
