using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace EnterpriseEval.Benchmarks;

/// <summary>
/// Work done per second (candidate-paths/s, MB/s …) from the measured mean and the amount of work one invocation does,
/// which each benchmark class registers in its setup. BenchmarkDotNet's OperationsPerInvoke needs a compile-time
/// constant, and the amount depends on the generated data, hence this column.
/// </summary>
internal sealed class ThroughputColumn(string unit) : IColumn
{
    // Setup runs in the benchmark process, the summary in the host process: the amounts travel through a file.
    private static readonly string Store = Path.Combine(Path.GetTempPath(), "eeval-benchmark-work.txt");
    private static readonly ConcurrentDictionary<string, double> Cache = new(StringComparer.Ordinal);

    public string Id => nameof(ThroughputColumn) + unit;

    public string ColumnName => $"{unit}/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"{unit} processed per second (work per invocation / mean time)";

    /// <summary>Records how much work one invocation of a benchmark does (called from the benchmark's setup).</summary>
    public static void Register(string benchmark, double work) =>
        File.AppendAllText(Store, $"{benchmark}\t{work.ToString(CultureInfo.InvariantCulture)}\n");

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var report = summary[benchmarkCase];
        var name = benchmarkCase.Descriptor.WorkloadMethod.Name;
        if (report?.ResultStatistics is not { } stats || Work(name) is not { } work)
        {
            return "-";
        }

        return (work / (stats.Mean / 1e9)).ToString("N0", CultureInfo.InvariantCulture);
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    private static double? Work(string benchmark)
    {
        if (Cache.TryGetValue(benchmark, out var cached))
        {
            return cached;
        }

        if (!File.Exists(Store))
        {
            return null;
        }

        foreach (var line in File.ReadLines(Store))
        {
            var parts = line.Split('\t');
            if (parts.Length == 2 && double.TryParse(parts[1], CultureInfo.InvariantCulture, out var work))
            {
                Cache[parts[0]] = work;
            }
        }

        return Cache.TryGetValue(benchmark, out var found) ? found : null;
    }
}
