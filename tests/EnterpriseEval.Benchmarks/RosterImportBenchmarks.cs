using BenchmarkDotNet.Attributes;
using EnterpriseEval.Runtime.Roster;

namespace EnterpriseEval.Benchmarks;

/// <summary>(d) Roster import: every CSV file of the generated roster read, validated and turned into records.</summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class RosterImportBenchmarks
{
    private string _folder = "";

    [GlobalSetup]
    public void Setup()
    {
        _folder = BenchmarkRoster.Folder();
        ThroughputColumn.Register(nameof(ImportRoster), BenchmarkRoster.SizeInBytes(_folder) / 1e6);
    }

    [Benchmark]
    public int ImportRoster() => RosterReader.ReadFolder(_folder).Records.Count;

    private sealed class Config : BenchmarkDotNet.Configs.ManualConfig
    {
        public Config() => AddColumn(new ThroughputColumn("MB"));
    }
}
