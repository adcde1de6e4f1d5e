using BenchmarkDotNet.Attributes;

namespace EnterpriseEval.Benchmarks;

/// <summary>
/// (a) The screening core on one core: every employee of the generated roster through every path (no applications),
/// statutory rules alone and with both shipped plug-ins behind their guardrails. Roster reading and output writing are
/// not part of it. With plug-ins, each employee is screened as a real run screens it (<c>ScreeningPass</c>): by the
/// rules and criteria of the group of plug-ins that govern its 单位代码 (docs/plugins.md, "Scope") — with the shipped
/// plug-ins and the generated roster, half the employees meet 赣江重机's criteria and half 赣电供电's.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class ScreeningCoreBenchmarks
{
    private ScreeningFixture _fixture = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = new ScreeningFixture();
        var decisions = StatutoryAllPaths();
        ThroughputColumn.Register(nameof(StatutoryAllPaths), decisions);
        ThroughputColumn.Register(nameof(StatutoryAllPathsWithSentences), decisions);
        ThroughputColumn.Register(nameof(StatutoryAndBothPluginsAllPaths), decisions);
        ThroughputColumn.Register(nameof(BothPluginsCriteriaAlone), decisions);
        ThroughputColumn.Register(nameof(GroupRulesAllPaths), decisions);
        ThroughputColumn.Register(nameof(CriteriaStageAllPaths), decisions);
    }

    [GlobalCleanup]
    public void Cleanup() => _fixture.Dispose();

    /// <summary>Returns the number of candidate-paths (decisions) screened.</summary>
    [Benchmark]
    public int StatutoryAllPaths()
    {
        var decisions = 0;
        foreach (var record in _fixture.Records)
        {
            decisions += _fixture.Rules.Screen(record, _fixture.AsOf).Count;
        }

        return decisions;
    }

    /// <summary>
    /// As <see cref="StatutoryAllPaths"/>, and then every finding's Chinese sentence composed (the rules compose them
    /// only when read; <c>eeval screen</c> reads them all, on its screening workers).
    /// </summary>
    [Benchmark]
    public int StatutoryAllPathsWithSentences()
    {
        var decisions = 0;
        foreach (var record in _fixture.Records)
        {
            var screened = _fixture.Rules.Screen(record, _fixture.AsOf);
            decisions += screened.Count;
            ScreeningFixture.ComposeSentences(screened);
        }

        return decisions;
    }

    [Benchmark]
    public int StatutoryAndBothPluginsAllPaths()
    {
        var decisions = 0;
        var (records, groupOf, rules, criteria) = (_fixture.Records, _fixture.GroupOf, _fixture.GroupRules, _fixture.Criteria);
        for (var r = 0; r < records.Count; r++)
        {
            var group = groupOf[r];
            decisions += criteria[group].ApplyToFresh(records[r], rules[group].Screen(records[r], _fixture.AsOf), _fixture.AsOf, _fixture.Slot).Count;
        }

        return decisions;
    }

    /// <summary>
    /// Each employee's statutory decisions by its group's rules (the plug-ins' policy tables applied), without criteria:
    /// the statutory part of <see cref="StatutoryAndBothPluginsAllPaths"/>.
    /// </summary>
    [Benchmark]
    public int GroupRulesAllPaths()
    {
        var decisions = 0;
        var (records, groupOf, rules) = (_fixture.Records, _fixture.GroupOf, _fixture.GroupRules);
        for (var r = 0; r < records.Count; r++)
        {
            decisions += rules[groupOf[r]].Screen(records[r], _fixture.AsOf).Count;
        }

        return decisions;
    }

    /// <summary>
    /// The criteria stage alone (guards, copies, the plug-ins' code, the conclusion) on the statutory decisions screened
    /// once in the setup: the plug-in part of <see cref="StatutoryAndBothPluginsAllPaths"/>.
    /// </summary>
    [Benchmark]
    public int CriteriaStageAllPaths()
    {
        var decisions = 0;
        var (records, groupOf, statutory, criteria) = (_fixture.Records, _fixture.GroupOf, _fixture.StatutoryDecisions, _fixture.Criteria);
        for (var r = 0; r < records.Count; r++)
        {
            decisions += criteria[groupOf[r]].Apply(records[r], statutory[r], _fixture.AsOf, _fixture.Slot).Count;
        }

        return decisions;
    }

    /// <summary>
    /// The shipped plug-ins' own code alone: every criterion of the employee's group called directly on the statutory
    /// decisions (screened once, in the setup), with no guard, copy, check or budget around it. <see cref="StatutoryAndBothPluginsAllPaths"/> minus
    /// <see cref="StatutoryAllPaths"/> minus this is the host's overhead of running plug-ins.
    /// </summary>
    [Benchmark]
    public int BothPluginsCriteriaAlone()
    {
        var decisions = 0;
        var statutory = _fixture.StatutoryDecisions;
        var records = _fixture.Records;
        for (var r = 0; r < records.Count; r++)
        {
            var criteria = _fixture.GroupCriteria[_fixture.GroupOf[r]];
            var screened = statutory[r];
            decisions += screened.Count;
            for (var d = 0; d < screened.Count; d++)
            {
                foreach (var criterion in criteria)
                {
                    if (criterion.AppliesTo(screened[d].Path))
                    {
                        criterion.Evaluate(new EnterpriseEval.Sdk.Plugins.CriterionContext(criterion, records[r], screened[d], _fixture.AsOf));
                    }
                }
            }
        }

        return decisions;
    }

    private sealed class Config : BenchmarkDotNet.Configs.ManualConfig
    {
        public Config() => AddColumn(new ThroughputColumn("candidate-paths"));
    }
}
