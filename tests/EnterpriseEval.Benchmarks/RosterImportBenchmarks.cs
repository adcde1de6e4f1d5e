using BenchmarkDotNet.Attributes;
using EnterpriseEval.Engine.Roster;

namespace EnterpriseEval.Benchmarks;

/// <summary>
/// (d) Roster import: every CSV file of the generated roster read, validated and turned into records — whole (as
/// notices, review and <c>--watch</c> read it) and streamed a chunk at a time (as <c>eeval screen</c> reads a roster
/// in employees.csv order).
/// </summary>
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
        ThroughputColumn.Register(nameof(StreamRoster), BenchmarkRoster.SizeInBytes(_folder) / 1e6);
    }

    [Benchmark]
    public int ImportRoster() => RosterReader.ReadFolder(_folder).Records.Count;

    [Benchmark]
    public int StreamRoster()
    {
        using var stream = RosterReader.OpenStream(_folder) ?? throw new InvalidOperationException("a CSV folder streams");
        var records = 0;
        while (stream.Next(4_096) is { } chunk)
        {
            records += chunk.Count;
        }

        return records;
    }

    private sealed class Config : BenchmarkDotNet.Configs.ManualConfig
    {
        public Config() => AddColumn(new ThroughputColumn("MB"));
    }
}
