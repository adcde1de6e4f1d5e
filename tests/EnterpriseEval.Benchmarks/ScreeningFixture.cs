using System.Reflection.Metadata;
using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Engine.Screening;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Plugins;
using EnterpriseEval.Sdk.Screening;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Benchmarks;

/// <summary>What the screening benchmarks share: the roster's records, the statutory rules and both shipped plug-ins.</summary>
internal sealed class ScreeningFixture : IDisposable
{
    public ScreeningFixture()
    {
        Policy = PolicyOptions.ProjectDefaults();
        Rules = StatutoryRuleSet.Create(Policy);
        var catalog = new PluginCatalog(new ConfigurationBuilder().Build(), Options.Create(new PluginsOptions()));
        Plugins = catalog.Load(BenchmarkRoster.PluginsDirectory);
        if (Plugins.Loaded.Count != 2)
        {
            throw new InvalidOperationException(
                $"Expected both shipped plug-ins in {BenchmarkRoster.PluginsDirectory} (run `dotnet build EnterpriseEval.sln` first); " +
                $"loaded {Plugins.Loaded.Count}, refused: {string.Join("; ", Plugins.Refused.Select(e => e.Message))}");
        }

        // The plug-ins' declared files are read typed at import, as `eeval screen` reads them (docs/roster.md).
        Records = CandidateSet.ReadRoster(Plugins.ExtraTables);

        // A plug-in built in Debug runs unoptimised and would make the plug-in figures meaningless.
        foreach (var file in Directory.EnumerateFiles(BenchmarkRoster.PluginsDirectory, "Gan*.dll", SearchOption.AllDirectories))
        {
            if (IsUnoptimised(file))
            {
                throw new InvalidOperationException($"{file} is a Debug build; build the benchmarks in Release (`dotnet run -c Release ...`).");
            }
        }

        // The plug-ins read the generator's achievements (a roster table) and its extra files (apprentices, continuing
        // education, safety incidents): without them their criteria would find nothing to read and the figures would flatter them.
        // (The generator gives about a third of its employees rows in them, as in the rosters `eeval generate` writes; the
        // plug-ins' declared files arrive as typed rows, the others as ExtraFiles.)
        string[] extraFiles = ["apprentices", "continuing_education", "safety_incidents"];
        foreach (var file in extraFiles)
        {
            if (!Records.Any(r => r.ExtraFiles.ContainsKey(file) || r.Tables.Any(t => t.Table.Name == file && t.Rows.Length > 0)))
            {
                throw new InvalidOperationException($"No employee of the benchmark roster has rows in {file}.csv, which the shipped plug-ins read.");
            }
        }

        if (!Records.Any(r => r.Achievements.Count > 0))
        {
            throw new InvalidOperationException("No employee of the benchmark roster has achievements, which 赣电's scoring reads.");
        }

        // As a real run (Screener, ScreeningPass): each employee is screened by the plug-ins that govern it
        // (docs/plugins.md, "Scope"), with its group's rules and criteria, picked by its 单位代码. The shipped plug-ins
        // govern one unit each and the generator alternates its employees between them, so every employee meets one
        // plug-in's criteria, not both.
        Scopes = Plugins.Scopes;
        if (!Scopes.Scoped || Records.Select(r => Scopes.GroupOf(r.Employee)).Where(g => g != 0).Distinct().Count() != 2)
        {
            throw new InvalidOperationException("The benchmark roster's employees are not spread over the shipped plug-ins' scopes (enterprise_code).");
        }

        GroupOf = [.. Records.Select(r => Scopes.GroupOf(r.Employee))];
        GroupRules = [.. Scopes.Groups.Select(g => StatutoryRuleSet.Create(g.ApplyTo(Policy)))];
        StatutoryDecisions = [.. Records.Select((r, i) => GroupRules[GroupOf[i]].Screen(r, AsOf))];
        CriteriaOfBothPlugins = [.. Plugins.Loaded.SelectMany(p => p.Composition.Criteria)];
        GroupCriteria = [.. Scopes.Groups.Select(g => g.Loaded.SelectMany(p => p.Composition.Criteria).ToArray())];

        // One worker slot: the benchmarks measure one core; the scheduler only supplies the hang guard's bookkeeping.
        // A time budget applies, as in every real run (PluginsOptions: 10 s plus 0.05 ms an employee), so its accounting
        // is measured too; it is set far above what the benchmark's thousands of iterations add up to, so no plug-in is
        // ever disabled mid-benchmark. One scheduler for the run and one criteria stage per group, as ScreeningPass has.
        var scheduler = new GuardedScheduler(1, new PluginsOptions().CriterionTimeoutMilliseconds)
        {
            Budget = new PluginBudget(1_000_000),
        };
        Criteria = [.. Scopes.Groups.Select(g => new CriteriaStage(g, scheduler))];
    }

    public IReadOnlyList<EmployeeRecord> Records { get; }

    public PolicyOptions Policy { get; }

    public StatutoryRuleSet Rules { get; }

    public PluginSet Plugins { get; }

    /// <summary>The plug-ins grouped by the employees they govern (docs/plugins.md, "Scope").</summary>
    public PluginScopes Scopes { get; }

    /// <summary>Each record's group in <see cref="Scopes"/>, by its 单位代码.</summary>
    public int[] GroupOf { get; }

    /// <summary>Each group's statutory rules (its plug-ins' policy tables applied), as <c>Screener</c> makes them.</summary>
    public StatutoryRuleSet[] GroupRules { get; }

    /// <summary>Each group's criteria stage, as <c>ScreeningPass</c> makes them.</summary>
    public CriteriaStage[] Criteria { get; }

    /// <summary>Each record's statutory decisions by its group's rules, screened once (for the plug-in-code-alone benchmark).</summary>
    public IReadOnlyList<Decision>[] StatutoryDecisions { get; }

    /// <summary>Every criterion of both shipped plug-ins, in load order (the per-criterion timings).</summary>
    public ICriterion[] CriteriaOfBothPlugins { get; }

    /// <summary>Each group's criteria, in load order: what an employee of the group meets.</summary>
    public ICriterion[][] GroupCriteria { get; }

    public WorkerSlot Slot { get; } = new();

    public DateOnly AsOf => BenchmarkRoster.AsOf;

    public void Dispose() => Plugins.Dispose();

    private static bool IsUnoptimised(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind == System.Reflection.Metadata.HandleKind.MemberReference)
            {
                var ctor = metadata.GetMemberReference((System.Reflection.Metadata.MemberReferenceHandle)attribute.Constructor);
                var type = metadata.GetTypeReference((System.Reflection.Metadata.TypeReferenceHandle)ctor.Parent);
                if (metadata.GetString(type.Name) == nameof(System.Diagnostics.DebuggableAttribute))
                {
                    // DebuggingModes.DisableOptimizations (256) is set in Debug builds.
                    var blob = metadata.GetBlobReader(attribute.Value);
                    blob.ReadUInt16();
                    return (blob.ReadInt32() & 256) != 0;
                }
            }
        }

        return false;
    }

    /// <summary>Reads every finding's sentence, which composes it (what <c>eeval screen</c>'s workers do).</summary>
    public static int ComposeSentences(IReadOnlyList<Decision> decisions)
    {
        var characters = 0;
        for (var d = 0; d < decisions.Count; d++)
        {
            var findings = decisions[d].Findings;
            for (var f = 0; f < findings.Count; f++)
            {
                characters += findings[f].Message.Length;
            }
        }

        return characters;
    }
}
