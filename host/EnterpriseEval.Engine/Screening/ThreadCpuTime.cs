using System.Runtime.InteropServices;

namespace EnterpriseEval.Engine.Screening;

/// <summary>
/// The CPU time the calling thread has used since it started (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>), for
/// the Debug log's figure of the screening workers (<see cref="StageTimes"/>); not known on other systems.
/// </summary>
internal static partial class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>The calling thread's CPU time in nanoseconds, or null where the system does not say.</summary>
    public static long? Nanoseconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            return ClockGetTime(ClockThreadCpuTimeId, out var spec) == 0 ? (spec.Seconds * 1_000_000_000L) + spec.Nanoseconds : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec spec);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
