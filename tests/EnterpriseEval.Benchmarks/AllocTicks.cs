using System.Diagnostics.Tracing;

namespace EnterpriseEval.Benchmarks;

/// <summary>
/// What the measured workloads allocate, by type: the runtime's allocation sample (an event about every 100 KB
/// allocated, naming the type of the object that crossed the mark), counted while <see cref="On"/>. A sample stands for
/// about the same number of bytes, so the shares are shares of bytes. `--split` prints them with <c>ALLOC_TICKS=1</c>.
/// </summary>
internal sealed class AllocTicks : EventListener
{
    private readonly Dictionary<string, long> _byType = new(StringComparer.Ordinal);

    /// <summary>Whether samples are counted.</summary>
    public volatile bool On;

    /// <summary>The types that took the most samples, with their share of all samples, most first.</summary>
    public IReadOnlyList<(string Type, double Share)> Top(int count)
    {
        lock (_byType)
        {
            var total = Math.Max(1, _byType.Values.Sum());
            return [.. _byType.OrderByDescending(p => p.Value).Take(count).Select(p => (p.Key, p.Value / (double)total))];
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        // The GC keyword (0x1) at the verbose level carries GCAllocationTick.
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!On || eventData.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal))
        {
            return;
        }

        var index = eventData.PayloadNames?.IndexOf("TypeName") ?? -1;
        var type = index >= 0 ? eventData.Payload?[index]?.ToString() ?? "?" : "?";
        lock (_byType)
        {
            _byType[type] = _byType.GetValueOrDefault(type) + 1;
        }
    }
}
