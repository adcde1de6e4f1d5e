using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Engine.Screening;

/// <summary>
/// One screening of a roster: rules, plug-in criteria and the scheduler set up once, then any run of consecutive
/// employees screened on the scheduler's workers. The scheduler is shared by every range, so a criterion disabled for
/// hanging stays disabled for the rest of the roster. When the roster has applications, an employee without any is
/// not screened at all: no decisions, no plug-in criteria (docs/rules.md "Which decisions are made").
/// </summary>
/// <remarks>
/// Each employee is screened with the plug-ins that govern it (docs/plugins.md, "Scope"): <paramref name="rules"/> and
/// the criteria are set up once per group of <see cref="PluginSet.Scopes"/>, and picked by the employee's 单位代码.
/// </remarks>
internal sealed class ScreeningPass(StatutoryRuleSet[] rules, PluginSet plugins, GuardedScheduler scheduler, DateOnly asOf, bool rosterHasApplications)
{
    private readonly PluginScopes _scopes = plugins.Scopes;
    private readonly CriteriaStage[] _criteria = [.. plugins.Scopes.Groups.Select(g => new CriteriaStage(g, scheduler))];

    /// <summary>
    /// The CPU seconds the workers spent on the employees screened so far: rules, criteria, equivalences and their
    /// sentences (<see cref="GuardedScheduler.WorkerCpuSeconds"/>); null where the system does not say.
    /// </summary>
    public double? WorkerCpuSeconds => scheduler.WorkerCpuSeconds;

    public ScreenedChunk Screen(IReadOnlyList<EmployeeRecord> records, int from, int count, Action<int>? progress = null)
    {
        var decisions = new IReadOnlyList<Decision>[count];
        var equivalences = new PostEquivalence?[count];
        scheduler.Run(
            count,
            (i, slot) =>
            {
                var record = records[from + i];
                var group = _scopes.GroupOf(record.Employee);
                var (groupRules, governing) = (rules[group], _scopes.Groups[group]);
                var screened = _criteria[group].ApplyToFresh(record, groupRules.Screen(record, asOf, rosterHasApplications), asOf, slot);
                var equivalence = groupRules.Equivalence(record, asOf);
                if (equivalence is not null && governing.Loaded.Count > 0)
                {
                    equivalence = equivalence with
                    {
                        EnterpriseGrade = governing.GradeFor(record, equivalence.AppointedSkillLevel, equivalence.EquivalentTitleLevel, scheduler, slot, out var problem),
                    };

                    // A grade map that throws, hangs or is out of budget: no grade, and the equivalence awaits review.
                    if (problem is not null)
                    {
                        equivalence = equivalence with
                        {
                            Finding = Finding.Create(CriteriaStage.GuardRuleId, equivalence.Finding.Clause, FindingKind.NeedsReview, $"{equivalence.Finding.Message}；{problem}，内部岗位等级未定，请人工复核"),
                        };
                    }
                }

                // The rules decide without writing sentences (Finding.Message is composed when first read). Every
                // use of a pass writes or stores them, so they are composed here, on the workers, once: not later on
                // the two writer threads, which would race to compose the same sentence.
                ComposeSentences(screened, equivalence);
                if (!slot.Abandoned)
                {
                    decisions[i] = screened;
                    equivalences[i] = equivalence;
                }
            },
            progress);
        var notApplied = 0;
        if (rosterHasApplications)
        {
            for (var i = 0; i < count; i++)
            {
                if (records[from + i].Applications.Count == 0)
                {
                    notApplied++;
                }
            }
        }

        return new ScreenedChunk(decisions, equivalences, notApplied);
    }

    private static void ComposeSentences(IReadOnlyList<Decision> decisions, PostEquivalence? equivalence)
    {
        for (var d = 0; d < decisions.Count; d++)
        {
            var findings = decisions[d].Findings;
            for (var f = 0; f < findings.Count; f++)
            {
                _ = findings[f].Message;
            }
        }

        _ = equivalence?.Finding.Message;
    }
}
