using EnterpriseEval.Workflow.Generation;

namespace EnterpriseEval.Benchmarks;

/// <summary>
/// The roster every benchmark reads: <c>eeval generate</c>'s output for a fixed size and seed, written once under the
/// repository's <c>out/</c> folder and reused by every benchmark process (BenchmarkDotNet runs each in its own).
/// </summary>
internal static class BenchmarkRoster
{
    /// <summary>Employees in the benchmark roster: enough for stable timings, small enough for a quick setup.</summary>
    public const int Employees = 20_000;

    public const int Seed = 42;

    /// <summary>The cut-off the generator's data is built around.</summary>
    public static readonly DateOnly AsOf = EmployeeSynthesizer.ReferenceDate;

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Both shipped plug-ins, built in Release by this project's build (see the project file).</summary>
    public static string PluginsDirectory => Path.Combine(RepositoryRoot, "artifacts", "benchmark-plugins");

    /// <summary>The roster folder, generated on first use.</summary>
    public static string Folder()
    {
        var folder = Path.Combine(RepositoryRoot, "out", "benchmarks", $"roster-{Employees}-seed{Seed}");
        var marker = Path.Combine(folder, ".complete");
        if (!File.Exists(marker))
        {
            RosterGenerator.Generate(new GenerationRequest(Employees, Seed, folder));
            File.WriteAllText(marker, "");
        }

        return folder;
    }

    /// <summary>The size of the roster's CSV files, for throughput in MB/s.</summary>
    public static long SizeInBytes(string folder) =>
        Directory.GetFiles(folder, "*.csv").Sum(f => new FileInfo(f).Length);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EnterpriseEval.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EnterpriseEval.sln not found above the benchmark's folder.");
    }
}
