using EnterpriseEval.Sdk.Plugins;

namespace EnterpriseEval.Engine.Screening;

/// <summary>
/// What one screening worker is doing, read by the watchdog: which employee, and which plug-in criterion since when.
/// A worker the watchdog abandoned stops writing results as soon as it regains control.
/// </summary>
/// <remarks>
/// The worker reads no clock: it writes the object it calls and a call number, two plain stores per call. The
/// watchdog, polling every few milliseconds (<see cref="GuardedScheduler"/>), notes when it first saw a call number and
/// finds a call overrunning when the same number is still there past the limit. A call is thus noticed up to one poll
/// later than a clock read on every call would notice it; the limit is seconds, the poll milliseconds. Reading the
/// clock on each of millions of calls cost more than the criteria of a small plug-in (BENCHMARKS.md, SDK 1.1).
/// </remarks>
internal sealed class WorkerSlot
{
    // The plug-in object being called: a criterion, or a grade map (anything PluginCall guards on a worker).
    private object? _criterion;

    // Incremented by the worker on every call (only the worker writes it).
    private long _call;

    // The watchdog's own bookkeeping (only the watchdog thread reads and writes these).
    private long _seenCall = -1;
    private long _seenSince;

    public int Index { get; set; }

    /// <summary>The criteria stage's list of a decision's findings while it edits them (only this worker uses it).</summary>
    public List<EnterpriseEval.Sdk.Screening.Finding> Findings { get; } = new(32);

    public volatile bool Abandoned;

    public void Enter(object criterion)
    {
        Volatile.Write(ref _call, _call + 1);
        Volatile.Write(ref _criterion, criterion);
    }

    public void Exit() => Volatile.Write(ref _criterion, null);

    /// <summary>
    /// The criterion running for longer than <paramref name="limitMs"/>, if any: the same call seen by the watchdog
    /// since more than the limit. Called by the watchdog thread only.
    /// </summary>
    public object? Overrunning(long limitMs)
    {
        var c = Volatile.Read(ref _criterion);
        var call = Volatile.Read(ref _call);
        if (c is null)
        {
            _seenCall = -1;
            return null;
        }

        var now = Clock();
        if (call != _seenCall)
        {
            (_seenCall, _seenSince) = (call, now);
            return null;
        }

        return now - _seenSince > limitMs ? c : null;
    }

    // Milliseconds the process spent outside garbage collection pauses. A blocking collection of a large roster's
    // heap can stop every thread for seconds on a loaded machine; that is not the criterion's time, and counting it
    // disabled healthy criteria mid-run (seen on 1,000,000 employees with both shipped plug-ins).
    private static long Clock() => Environment.TickCount64 - (long)GC.GetTotalPauseDuration().TotalMilliseconds;
}
