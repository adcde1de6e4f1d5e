using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using EnterpriseEval.Sdk.Model;
using RulesEngine.Models;

namespace EnterpriseEval.Benchmarks;

/// <summary>
/// (b) The statutory rules R1–R4, R6–R8 on the same candidates, side by side: EnterpriseEval's rule set (screening the
/// candidates given as application rows, writing its Chinese findings) against the same rules as a Microsoft
/// RulesEngine workflow of lambda expressions over flat facts (BENCHMARKS.md explains the fairness choices).
/// RulesEngine is the baseline, so the Ratio column reads "times the RulesEngine time".
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class RulesEngineComparisonBenchmarks
{
    private ScreeningFixture _fixture = null!;
    private CandidateSet _candidates = null!;
    private RulesEngine.RulesEngine _engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = new ScreeningFixture();
        _candidates = CandidateSet.Create(_fixture.Records, _fixture.Rules, _fixture.Policy, _fixture.AsOf);
        _engine = new RulesEngine.RulesEngine(LoadWorkflows(), new ReSettings());
        ThroughputColumn.Register(nameof(RulesEngineWorkflow), _candidates.Flat.Count);
        ThroughputColumn.Register(nameof(EnterpriseEvalRules), _candidates.Flat.Count);
        ThroughputColumn.Register(nameof(EnterpriseEvalRulesWithSentences), _candidates.Flat.Count);
        CheckAgreement();
    }

    [GlobalCleanup]
    public void Cleanup() => _fixture.Dispose();

    /// <summary>Returns the number of candidates all of whose rules pass.</summary>
    [Benchmark(Baseline = true)]
    public int RulesEngineWorkflow()
    {
        var passed = 0;
        foreach (var candidate in _candidates.Flat)
        {
            if (Passes(candidate))
            {
                passed++;
            }
        }

        return passed;
    }

    [Benchmark]
    public int EnterpriseEvalRules()
    {
        var eligible = 0;
        foreach (var record in _candidates.Records)
        {
            // By index, as the RulesEngine side walks its List<RuleResultTree> without allocating an enumerator.
            var decisions = _fixture.Rules.Screen(record, _fixture.AsOf);
            for (var i = 0; i < decisions.Count; i++)
            {
                if (decisions[i].Outcome == Outcome.Eligible)
                {
                    eligible++;
                }
            }
        }

        return eligible;
    }

    /// <summary>
    /// As <see cref="EnterpriseEvalRules"/>, and every finding's Chinese sentence composed as well (RulesEngine
    /// produces no text; this row shows what the sentences cost on top of deciding).
    /// </summary>
    [Benchmark]
    public int EnterpriseEvalRulesWithSentences()
    {
        var eligible = 0;
        foreach (var record in _candidates.Records)
        {
            var decisions = _fixture.Rules.Screen(record, _fixture.AsOf);
            ScreeningFixture.ComposeSentences(decisions);
            for (var i = 0; i < decisions.Count; i++)
            {
                if (decisions[i].Outcome == Outcome.Eligible)
                {
                    eligible++;
                }
            }
        }

        return eligible;
    }

    private bool Passes(FlatCandidate candidate)
    {
        // RulesEngine's API is asynchronous only; its evaluation completes synchronously.
        var results = _engine.ExecuteAllRulesAsync(candidate.Path, candidate).GetAwaiter().GetResult();
        foreach (var result in results)
        {
            if (!result.IsSuccess)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Both sides must decide every candidate alike, or the comparison means nothing.</summary>
    private void CheckAgreement()
    {
        var ours = new List<bool>();
        foreach (var record in _candidates.Records)
        {
            ours.AddRange(_fixture.Rules.Screen(record, _fixture.AsOf).Select(d => d.Outcome == Outcome.Eligible));
        }

        var disagreements = 0;
        for (var i = 0; i < ours.Count; i++)
        {
            if (ours[i] != Passes(_candidates.Flat[i]))
            {
                disagreements++;
            }
        }

        Console.WriteLine($"// 候选 {ours.Count} 个，两种实现结论不一致 {disagreements} 个；符合条件 {ours.Count(x => x)} 个");
        if (disagreements > 0 || ours.Count != _candidates.Flat.Count)
        {
            throw new InvalidOperationException($"RulesEngine workflow and statutory rules disagree on {disagreements} of {ours.Count} candidates.");
        }
    }

    private static RulesEngine.Models.Workflow[] LoadWorkflows()
    {
        using var json = typeof(RulesEngineComparisonBenchmarks).Assembly.GetManifestResourceStream("rules-engine-workflows.json")
            ?? throw new InvalidOperationException("rules-engine-workflows.json is not embedded.");
        return JsonSerializer.Deserialize<RulesEngine.Models.Workflow[]>(json, new JsonSerializerOptions { Converters = { new JsonStringEnumConverter() } })
            ?? throw new InvalidOperationException("rules-engine-workflows.json is empty.");
    }

    private sealed class Config : BenchmarkDotNet.Configs.ManualConfig
    {
        public Config() => AddColumn(new ThroughputColumn("candidates"));
    }
}
