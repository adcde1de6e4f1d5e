using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EnterpriseEval.Engine.Screening;

/// <summary>
/// Where a streamed screening spent its time, per stage, for the Debug log (set
/// <c>Logging:LogLevel:EnterpriseEval.Engine.Screening</c> to <c>Debug</c>): enough to see which stage limits a
/// large run without a profiler. Each counter is only ever added to by one thread at a time.
/// </summary>
internal sealed class StageTimes
{
    private readonly long _started = Stopwatch.GetTimestamp();

    /// <summary>Seconds reading <c>employees.csv</c> and opening the other tables.</summary>
    public double Employees { get; set; }

    /// <summary>Seconds the reader spent reading the other tables and building records.</summary>
    public double Reading;

    /// <summary>Seconds screening waited for the next chunk to be read.</summary>
    public double WaitingForReader;

    /// <summary>Seconds screening waited for the writers to finish the previous chunk.</summary>
    public double WaitingForWriters;

    /// <summary>Seconds writing <c>decisions.csv</c>.</summary>
    public double Csv;

    /// <summary>Seconds writing <c>decisions.json</c>.</summary>
    public double Json;

    /// <summary>Decisions made (candidate-paths: an employee on a path).</summary>
    public long CandidatePaths;

    /// <summary>
    /// CPU seconds the screening workers spent making them (rules, criteria, equivalences, sentences; thread CPU time),
    /// null where the system does not say: the screening core's figure in a real run, beside the benchmark's
    /// (BENCHMARKS.md).
    /// </summary>
    public double? ScreeningCpu { get; set; }

    /// <summary>Runs <paramref name="work"/>, adding its wall time to <paramref name="counter"/>.</summary>
    public static T Time<T>(ref double counter, Func<T> work)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            counter += Stopwatch.GetElapsedTime(start).TotalSeconds;
        }
    }

    /// <summary>Runs <paramref name="work"/>, adding its wall time to <paramref name="counter"/>.</summary>
    public static void Time(ref double counter, Action work)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            work();
        }
        finally
        {
            counter += Stopwatch.GetElapsedTime(start).TotalSeconds;
        }
    }

    public void Log(ILogger logger)
    {
        if (!logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }

        logger.LogDebug(
            "Screening took {Total:F2} s: employees.csv {Employees:F2} s; reader busy {Reading:F2} s; screening waited {WaitingForReader:F2} s for the reader and {WaitingForWriters:F2} s for the writers; CSV writer busy {Csv:F2} s, JSON writer busy {Json:F2} s; GC paused {Pause:F2} s (collections {Gen0}/{Gen1}/{Gen2}, {Allocated:N0} MB allocated)",
            Stopwatch.GetElapsedTime(_started).TotalSeconds,
            Employees,
            Reading,
            WaitingForReader,
            WaitingForWriters,
            Csv,
            Json,
            GC.GetTotalPauseDuration().TotalSeconds,
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            GC.GetTotalAllocatedBytes() / (1024 * 1024));
        if (ScreeningCpu is { } cpu && cpu > 0)
        {
            logger.LogDebug(
                "Screening workers: {Cpu:F3} CPU-s for {CandidatePaths} candidate-paths, {Rate:F3} M candidate-paths per CPU-second (rules, criteria, equivalences, sentences)",
                cpu,
                CandidatePaths,
                CandidatePaths / cpu / 1e6);
        }
    }
}
