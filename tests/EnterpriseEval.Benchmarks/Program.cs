using System.Diagnostics;
using BenchmarkDotNet.Running;
using EnterpriseEval.Benchmarks;
using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Engine.Screening;

// `dotnet run -c Release --project tests/EnterpriseEval.Benchmarks -- --filter '*'` (add `--job short` for a quick run).
// `... -- --loop core|sentences|plugins|grouprules|stage|alone|ours|rulesengine [seconds]` runs one workload in a plain loop, for a profiler (perf, dotnet-trace).
// `... -- --split [seconds] [employees] [core,stage,plugins]` alternates the statutory core, the criteria stage and both
// together (or those listed) in one process on the first `employees` of the roster (default all 20,000), after a warm-up
// until the JIT has settled, and prints each one's fastest and median iteration per candidate-path: with 1,000 (records that stay in the cache) against 20,000, how
// much of the time is memory; one workload alone under a profiler. With ALLOC_TICKS=1 it also prints what the measured
// iterations allocated, by type.
// `... -- --criteria [seconds]` times each shipped criterion alone (AppliesTo and Evaluate, no guard) on the employees its
// plug-in governs, per call and per decision of the whole roster.
// `... -- --service URL ADMIN_PASSWORD ROSTER_ZIP [users] [requests] [seconds] [paths…]` measures a running `eeval serve`
// (upload + screening through the API, then a bounded load loop on the decisions page): scripts/measure-service.sh.
if (args.Length > 0 && args[0] == "--criteria")
{
    return CriteriaAlone(args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
}

if (args.Length > 0 && args[0] == "--split")
{
    return Split(
        args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : int.MaxValue,
        args.Length > 3 ? args[3].Split(',') : null);
}

if (args.Length > 0 && args[0] == "--service")
{
    return ServiceLoad.Run(args);
}

if (args.Length > 0 && args[0] == "--loop")
{
    return Loop(args.Length > 1 ? args[1] : "core", args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20);
}

BenchmarkSwitcher.FromAssembly(typeof(BenchmarkRoster).Assembly).Run(args);
return 0;

static int Loop(string workload, double seconds)
{
    Func<int> body;
    IDisposable owner;
    switch (workload)
    {
        case "core":
        case "sentences":
        case "plugins":
        case "alone":
        case "grouprules":
        case "stage":
            var core = new ScreeningCoreBenchmarks();
            core.Setup();
            body = workload switch
            {
                "core" => core.StatutoryAllPaths,
                "sentences" => core.StatutoryAllPathsWithSentences,
                "alone" => core.BothPluginsCriteriaAlone,
                "grouprules" => core.GroupRulesAllPaths,
                "stage" => core.CriteriaStageAllPaths,
                _ => core.StatutoryAndBothPluginsAllPaths,
            };
            owner = new Cleanup(core.Cleanup);
            break;
        case "rulesengine":
        case "ours":
            var comparison = new RulesEngineComparisonBenchmarks();
            comparison.Setup();
            body = workload == "ours" ? comparison.EnterpriseEvalRules : comparison.RulesEngineWorkflow;
            owner = new Cleanup(comparison.Cleanup);
            break;
        default:
            Console.Error.WriteLine($"unknown workload '{workload}': core, sentences, plugins, grouprules, stage, alone, ours, rulesengine");
            return 2;
    }

    using (owner)
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var pauseBefore = GC.GetTotalPauseDuration();
        var gcBefore = GC.CollectionCount(0);
        var clock = Stopwatch.StartNew();
        long iterations = 0, items = 0;
        var times = new List<double>();
        var cpuTimes = new List<double>();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            var start = clock.Elapsed.TotalMilliseconds;
            var cpuStart = ThreadCpu.Milliseconds();
            items += body();
            cpuTimes.Add(ThreadCpu.Milliseconds() - cpuStart);
            times.Add(clock.Elapsed.TotalMilliseconds - start);
            iterations++;
        }

        // The fastest and median iteration are steadier than the mean on a shared machine; the thread's CPU time
        // (CLOCK_THREAD_CPUTIME_ID) leaves out the time the thread waited for a core, the most of what other processes add.
        times.Sort();
        cpuTimes.Sort();
        var perItem = cpuTimes[cpuTimes.Count / 2] * 1e6 / (items / (double)iterations);
        Console.WriteLine(
            $"{workload}: {iterations} iterations, {items / clock.Elapsed.TotalSeconds:N0} items/s; " +
            $"iteration fastest {times[0]:F2} ms, median {times[times.Count / 2]:F2} ms; " +
            $"thread CPU fastest {cpuTimes[0]:F2} ms, median {cpuTimes[cpuTimes.Count / 2]:F2} ms " +
            $"({perItem:N0} ns an item, {1e9 / perItem:N0} items per CPU-second), " +
            $"{(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / iterations / 1024.0:N0} KB allocated, " +
            $"GC {(GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds / iterations:F2} ms in {(GC.CollectionCount(0) - gcBefore) / (double)iterations:F2} collections");
    }

    return 0;
}

static int CriteriaAlone(double seconds)
{
    using var fixture = new ScreeningFixture();
    var decisions = fixture.StatutoryDecisions.Sum(d => d.Count);
    Console.WriteLine($"{fixture.Records.Count:N0} employees, {decisions:N0} decisions; per criterion, the median thread CPU time of its passes:");
    foreach (var criterion in fixture.CriteriaOfBothPlugins)
    {
        var times = new List<double>();
        var calls = 0;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds || times.Count < 3)
        {
            var start = ThreadCpu.Milliseconds();
            calls = 0;
            for (var r = 0; r < fixture.Records.Count; r++)
            {
                // Only the employees the criterion's plug-in governs (docs/plugins.md, "Scope"), as in a real run.
                if (Array.IndexOf(fixture.GroupCriteria[fixture.GroupOf[r]], criterion) < 0)
                {
                    continue;
                }

                foreach (var decision in fixture.StatutoryDecisions[r])
                {
                    if (criterion.AppliesTo(decision.Path))
                    {
                        calls++;
                        criterion.Evaluate(new EnterpriseEval.Sdk.Plugins.CriterionContext(criterion, fixture.Records[r], decision, fixture.AsOf));
                    }
                }
            }

            times.Add(ThreadCpu.Milliseconds() - start);
        }

        times.Sort();
        var median = times[times.Count / 2];
        Console.WriteLine(
            $"{criterion.Id,-10} {criterion.GetType().FullName}: {median:F2} ms a pass, {calls:N0} Evaluate calls, " +
            $"{median * 1e6 / Math.Max(1, calls):N0} ns a call, {median * 1e6 / decisions:N0} ns a decision, " +
            $"{(GC.GetAllocatedBytesForCurrentThread() - allocated) / times.Count / (double)Math.Max(1, calls):N0} B allocated a call");
    }

    return 0;
}

static int Split(double seconds, int employees, string[]? only)
{
    using var f = new ScreeningFixture();
    var (records, asOf) = (f.Records.Take(employees).ToList(), f.AsOf);
    var decisions = f.StatutoryDecisions.Take(records.Count).Sum(d => d.Count);

    // "pass" is the whole of what a real run's screening workers do (ScreeningPass.Screen on its own worker thread, a
    // chunk of 4,096 employees at a time as ScreeningEngine hands them: rules, criteria, equivalences and grade maps, the
    // sentences composed), timed by the workers' own CPU time (GuardedScheduler.WorkerCpuSeconds), as the Debug log's
    // "Screening workers" line of `eeval screen` is.
    var passScheduler = new GuardedScheduler(1, new PluginsOptions().CriterionTimeoutMilliseconds) { Budget = new PluginBudget(1_000_000) };
    var pass = new ScreeningPass(f.GroupRules, f.Plugins, passScheduler, asOf, rosterHasApplications: false);
    var work = new (string Name, Func<int> Body)[]
    {
        ("core", () =>
        {
            var n = 0;
            for (var i = 0; i < records.Count; i++)
            {
                n += f.GroupRules[f.GroupOf[i]].Screen(records[i], asOf).Count;
            }

            return n;
        }),
        ("stage", () =>
        {
            var n = 0;
            for (var i = 0; i < records.Count; i++)
            {
                n += f.Criteria[f.GroupOf[i]].Apply(records[i], f.StatutoryDecisions[i], asOf, f.Slot).Count;
            }

            return n;
        }),
        ("plugins", () =>
        {
            var n = 0;
            for (var i = 0; i < records.Count; i++)
            {
                var g = f.GroupOf[i];
                n += f.Criteria[g].ApplyToFresh(records[i], f.GroupRules[g].Screen(records[i], asOf), asOf, f.Slot).Count;
            }

            return n;
        }),
        ("pass", () =>
        {
            var n = 0;
            for (var from = 0; from < records.Count; from += 4_096)
            {
                foreach (var screened in pass.Screen(records, from, Math.Min(4_096, records.Count - from)).DecisionsByEmployee)
                {
                    n += screened.Count;
                }
            }

            return n;
        }),
    };
    if (only is not null)
    {
        work = [.. work.Where(w => only.Contains(w.Name))];
    }

    // Warm-up, not recorded: the workloads run until the JIT has settled (no method compiled for a second, at least two
    // seconds, at most thirty), as BenchmarkDotNet warms up before it measures. The tiered compiler first runs the code
    // unoptimised and moves it up in the background; on one core (taskset) that takes seconds, and those iterations, two
    // to three times slower, would otherwise count in the median.
    var warmUp = Stopwatch.StartNew();
    var quiet = Stopwatch.StartNew();
    var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
    while (warmUp.Elapsed.TotalSeconds < 30 && (warmUp.Elapsed.TotalSeconds < 2 || quiet.Elapsed.TotalSeconds < 1))
    {
        foreach (var (_, body) in work)
        {
            body();
        }

        if (System.Runtime.JitInfo.GetCompiledMethodCount() is var now && now != compiled)
        {
            compiled = now;
            quiet.Restart();
        }
    }

    // ALLOC_TICKS=1: what the measured iterations allocate, by type (the runtime's allocation samples), printed at the end.
    using var ticks = Environment.GetEnvironmentVariable("ALLOC_TICKS") == "1" ? new AllocTicks() : null;
    ticks?.On = true;
    var times = work.Select(_ => new List<double>()).ToArray();
    var allocated = new long[work.Length];
    var clock = Stopwatch.StartNew();
    while (clock.Elapsed.TotalSeconds < seconds || times[^1].Count < 3)
    {
        for (var w = 0; w < work.Length; w++)
        {
            // The pass allocates on its worker thread: the process's count for it (nothing else runs meanwhile).
            var bytes = work[w].Name == "pass" ? GC.GetTotalAllocatedBytes(precise: true) : GC.GetAllocatedBytesForCurrentThread();
            var start = ThreadCpu.Milliseconds();
            var workers = passScheduler.WorkerCpuSeconds ?? 0;
            work[w].Body();
            times[w].Add(work[w].Name == "pass" ? ((passScheduler.WorkerCpuSeconds ?? 0) - workers) * 1e3 : ThreadCpu.Milliseconds() - start);
            allocated[w] += (work[w].Name == "pass" ? GC.GetTotalAllocatedBytes(precise: true) : GC.GetAllocatedBytesForCurrentThread()) - bytes;
        }
    }

    if (ticks is not null)
    {
        ticks.On = false;
        Console.WriteLine("allocated, by type (share of the bytes, from the runtime's allocation samples):");
        foreach (var (type, share) in ticks.Top(25))
        {
            Console.WriteLine($"{share,7:P1}  {type}");
        }
    }

    Console.WriteLine(
        $"{records.Count:N0} employees, {decisions:N0} candidate-paths; warmed up {warmUp.Elapsed.TotalSeconds:F1} s; " +
        $"{times[^1].Count} iterations in {clock.Elapsed.TotalSeconds:F1} s; thread CPU time a candidate-path:");
    for (var w = 0; w < work.Length; w++)
    {
        times[w].Sort();
        Console.WriteLine(
            $"{work[w].Name,-8} fastest {times[w][0] * 1e6 / decisions,6:N0} ns, median {times[w][times[w].Count / 2] * 1e6 / decisions,6:N0} ns, " +
            $"{allocated[w] / times[w].Count / (double)decisions,6:N0} B allocated");
    }

    return 0;
}

/// <summary>The calling thread's CPU time (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>; wall time elsewhere).</summary>
internal static partial class ThreadCpu
{
    public static double Milliseconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(3, out var spec) == 0)
        {
            return (spec.Seconds * 1e3) + (spec.Nanoseconds / 1e6);
        }

        return Stopwatch.GetTimestamp() * 1e3 / Stopwatch.Frequency;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec spec);

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}

internal sealed class Cleanup(Action action) : IDisposable
{
    public void Dispose() => action();
}
