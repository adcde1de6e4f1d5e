using EnterpriseEval.Sdk.Plugins;

namespace EnterpriseEval.Engine.Screening;

/// <summary>
/// What one screening worker is doing, read by the watchdog: which employee, and which plug-in criterion since when.
/// A worker the watchdog abandoned stops writing results as soon as it regains control.
/// </summary>
internal sealed class WorkerSlot
{
    // The plug-in object being called: a criterion, or a grade map (anything PluginCall guards on a worker).
    private object? _criterion;
    private long _since;

    public int Index { get; set; }

    public volatile bool Abandoned;

    public void Enter(object criterion)
    {
        Volatile.Write(ref _since, Clock());
        Volatile.Write(ref _criterion, criterion);
    }

    public void Exit() => Volatile.Write(ref _criterion, null);

    /// <summary>The criterion running for longer than <paramref name="limitMs"/>, if any.</summary>
    public object? Overrunning(long limitMs)
    {
        var c = Volatile.Read(ref _criterion);
        return c is not null && Clock() - Volatile.Read(ref _since) > limitMs ? c : null;
    }

    // Milliseconds the process spent outside garbage collection pauses. A blocking collection of a large roster's
    // heap can stop every thread for seconds on a loaded machine; that is not the criterion's time, and counting it
    // disabled healthy criteria mid-run (seen on 1,000,000 employees with both shipped plug-ins).
    private static long Clock() => Environment.TickCount64 - (long)GC.GetTotalPauseDuration().TotalMilliseconds;
}
