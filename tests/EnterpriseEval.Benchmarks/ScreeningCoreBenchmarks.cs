using BenchmarkDotNet.Attributes;

namespace EnterpriseEval.Benchmarks;

/// <summary>
/// (a) The screening core on one core: every employee of the generated roster through every path (no applications),
/// statutory rules alone and with both shipped plug-ins behind their guardrails. Roster reading and output writing are
/// not part of it.
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
        foreach (var record in _fixture.Records)
        {
            decisions += _fixture.Criteria.Apply(record, _fixture.Rules.Screen(record, _fixture.AsOf), _fixture.AsOf, _fixture.Slot).Count;
        }

        return decisions;
    }

    /// <summary>
    /// The shipped plug-ins' own code alone: every criterion called directly on the statutory decisions (screened once,
    /// in the setup), with no guard, copy, check or budget around it. <see cref="StatutoryAndBothPluginsAllPaths"/> minus
    /// <see cref="StatutoryAllPaths"/> minus this is the host's overhead of running plug-ins.
    /// </summary>
    [Benchmark]
    public int BothPluginsCriteriaAlone()
    {
        var decisions = 0;
        var statutory = _fixture.StatutoryDecisions;
        var criteria = _fixture.CriteriaOfBothPlugins;
        var records = _fixture.Records;
        for (var r = 0; r < records.Count; r++)
        {
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
