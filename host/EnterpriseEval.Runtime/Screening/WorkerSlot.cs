using EnterpriseEval.Sdk.Plugins;

namespace EnterpriseEval.Runtime.Screening;

/// <summary>
/// What one screening worker is doing, read by the watchdog: which employee, and which plug-in criterion since when.
/// A worker the watchdog abandoned stops writing results as soon as it regains control.
/// </summary>
internal sealed class WorkerSlot
{
    private ICriterion? _criterion;
    private long _since;

    public int Index { get; set; }

    public volatile bool Abandoned;

    public void Enter(ICriterion criterion)
    {
        Volatile.Write(ref _since, Environment.TickCount64);
        Volatile.Write(ref _criterion, criterion);
    }

    public void Exit() => Volatile.Write(ref _criterion, null);

    /// <summary>The criterion running for longer than <paramref name="limitMs"/>, if any.</summary>
    public ICriterion? Overrunning(long limitMs)
    {
        var c = Volatile.Read(ref _criterion);
        return c is not null && Environment.TickCount64 - Volatile.Read(ref _since) > limitMs ? c : null;
    }
}
