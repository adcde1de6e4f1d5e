using System.Collections.Concurrent;
using EnterpriseEval.Sdk.Plugins;

namespace EnterpriseEval.Engine.Screening;

/// <summary>
/// Runs the screening of N employees on dedicated worker threads (one per core) and keeps going when a plug-in
/// criterion hangs. .NET cannot stop a thread, so a worker stuck in a criterion past the time limit is abandoned:
/// the criterion is disabled for the rest of the run (decisions it would judge become <c>needs_review</c>), and a new
/// worker takes over the rest of the stuck worker's range, starting again at the employee it was stuck on.
/// Results go to fixed slots, so their order never depends on threads.
/// </summary>
internal sealed class GuardedScheduler(int workers, long criterionLimitMs)
{
    private const int ChunkSize = 512;

    private readonly ConcurrentDictionary<object, bool> _disabled = new(ReferenceEqualityComparer.Instance);

    // Set once the first criterion is disabled: until then (every healthy run) IsDisabled, asked before every
    // criterion call, is one volatile read instead of a dictionary look-up.
    private volatile bool _anyDisabled;

    /// <summary>Each plug-in's total time budget for this run (docs/plugins.md).</summary>
    public Plugins.PluginBudget Budget { get; init; } = new(0);

    // The CPU time of the ranges the workers finished, in nanoseconds (ThreadCpuTime; -1 where not known).
    private long _workerCpu;

    /// <summary>
    /// The CPU seconds the worker threads of every <see cref="Run"/> so far spent screening (the ranges they finished;
    /// an abandoned worker's range is not counted); null where the system does not say (<see cref="ThreadCpuTime"/>).
    /// </summary>
    public double? WorkerCpuSeconds => Interlocked.Read(ref _workerCpu) is var ns and >= 0 ? ns / 1e9 : null;

    /// <summary>Whether a criterion was disabled after running past the limit.</summary>
    public bool IsDisabled(object criterion) => _anyDisabled && _disabled.ContainsKey(criterion);

    public void Run(int count, Action<int, WorkerSlot> screenOne, Action<int>? progress = null)
    {
        var queue = new ConcurrentQueue<(int From, int To)>();
        for (var from = 0; from < count; from += ChunkSize)
        {
            queue.Enqueue((from, Math.Min(count, from + ChunkSize)));
        }

        var pending = queue.Count;
        Exception? failure = null;
        var done = 0;
        var running = new List<(WorkerSlot Slot, Thread Thread, (int From, int To)[] Current)>();

        // The last chunk done wakes the watchdog at once: a streaming run calls Run for every window of the roster, and
        // waiting out the watchdog's 20 ms poll each time would add seconds to a large run. A plain monitor rather than
        // an event: a worker abandoned in a hung criterion may touch it long after Run has returned.
        var gate = new object();
        void Finished()
        {
            lock (gate)
            {
                Monitor.PulseAll(gate);
            }
        }

        void Start()
        {
            var slot = new WorkerSlot();
            var current = new (int From, int To)[1];
            var thread = new Thread(() =>
            {
                // The CPU time of each range screened, added before the range counts as done (so Run never returns
                // before it is added): two clock reads every ChunkSize employees.
                var cpu = ThreadCpuTime.Nanoseconds();
                while (!slot.Abandoned && queue.TryDequeue(out var range))
                {
                    current[0] = range;
                    for (var i = range.From; i < range.To; i++)
                    {
                        slot.Index = i;
                        try
                        {
                            screenOne(i, slot);
                        }
                        catch (Exception e)
                        {
                            // A bug outside plug-in code: stop the run and report it on the calling thread.
                            Interlocked.CompareExchange(ref failure, e, null);
                            queue.Clear();
                            Interlocked.Exchange(ref pending, 0);
                            Finished();
                            return;
                        }

                        if (slot.Abandoned)
                        {
                            return;
                        }
                    }

                    var now = ThreadCpuTime.Nanoseconds();
                    AddCpu(now - cpu);
                    cpu = now;
                    Interlocked.Add(ref done, range.To - range.From);
                    if (Interlocked.Decrement(ref pending) == 0)
                    {
                        Finished();
                    }
                }
            })
            {
                IsBackground = true,
                Name = "eeval-screen",
            };
            running.Add((slot, thread, current));
            thread.Start();
        }

        for (var w = 0; w < Math.Max(1, workers); w++)
        {
            Start();
        }

        while (Volatile.Read(ref pending) > 0)
        {
            lock (gate)
            {
                if (Volatile.Read(ref pending) > 0)
                {
                    Monitor.Wait(gate, 20);
                }
            }

            progress?.Invoke(Volatile.Read(ref done));
            foreach (var (slot, _, current) in running.ToArray())
            {
                if (slot.Abandoned || slot.Overrunning(criterionLimitMs) is not { } stuck)
                {
                    continue;
                }

                _disabled[stuck] = true;
                _anyDisabled = true;
                slot.Abandoned = true;
                var range = current[0];
                Interlocked.Add(ref done, slot.Index - range.From);
                queue.Enqueue((slot.Index, range.To));
                Start();
            }

            running.RemoveAll(r => !r.Thread.IsAlive && !r.Slot.Abandoned);
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        progress?.Invoke(count);
    }

    private void AddCpu(long? nanoseconds)
    {
        if (nanoseconds is not { } ns)
        {
            Interlocked.Exchange(ref _workerCpu, -1);
            return;
        }

        long seen;
        do
        {
            seen = Interlocked.Read(ref _workerCpu);
        }
        while (seen >= 0 && Interlocked.CompareExchange(ref _workerCpu, seen + ns, seen) != seen);
    }
}
