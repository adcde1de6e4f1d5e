using EnterpriseEval.Service.Screening;
using Microsoft.Extensions.DependencyInjection;

namespace EnterpriseEval.Service.Tests.Support;

/// <summary>
/// Holds the first screening job that reports progress once armed ("running, with employees done") until its instance
/// stops it (cancel, shutdown, take-over), so that a test acting on a running job does not depend on how fast the machine
/// screens. Runs before arming and after the held one pass untouched. Register it with
/// <c>TestService.StartAsync(services: hold.On("a"))</c>; one hold may watch several instances.
/// </summary>
internal sealed class JobHold(bool armed = true)
{
    private int _taken = armed ? 0 : 1;

    private readonly TaskCompletionSource<string> _held = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Holds the next job that reports progress.</summary>
    public void Arm() => Interlocked.Exchange(ref _taken, 0);

    /// <summary>The registration for an instance, named so that <see cref="HeldOnAsync"/> tells which one holds the job.</summary>
    public Action<IServiceCollection> On(string instance) => s => s.AddSingleton<IScreeningRunProbe>(new Probe(this, instance));

    /// <summary>The name of the instance holding the job, once one does (bounded).</summary>
    public Task<string> HeldOnAsync() => _held.Task.WaitAsync(TimeSpan.FromMinutes(2));

    private sealed class Probe(JobHold hold, string instance) : IScreeningRunProbe
    {
        public void Progress(string jobId, int done, CancellationToken stop)
        {
            if (done > 0 && Interlocked.Exchange(ref hold._taken, 1) == 0)
            {
                hold._held.SetResult(instance);

                // Bounded: a stop that never comes fails the test at its own wait for the job's end.
                stop.WaitHandle.WaitOne(TimeSpan.FromMinutes(2));
            }
        }
    }
}
