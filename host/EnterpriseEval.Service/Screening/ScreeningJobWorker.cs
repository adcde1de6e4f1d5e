using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Service.Screening;

/// <summary>
/// The job loops of one <c>eeval serve</c> instance (docs/service.md, "Several instances"), each bounded by its period:
/// claim queued jobs while a slot is free (every <see cref="ServiceOptions.JobPollSeconds"/>, and at once when a job
/// is queued here or a run ends), record heartbeats of the jobs running here (<see cref="ServiceOptions.JobHeartbeatSeconds"/>)
/// and take over the jobs of instances that stopped (<see cref="ServiceOptions.JobSweepSeconds"/>). A failing loop (the
/// database away for a moment) logs and tries again at its next period. Stopping the service gives the jobs running
/// here back to the queue.
/// </summary>
internal sealed class ScreeningJobWorker(ScreeningJobs jobs, IOptions<ServiceOptions> options, ILogger<ScreeningJobWorker> logger) : BackgroundService
{
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        jobs.Shutdown();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        return Task.WhenAll(
            Task.Run(() => ClaimAsync(TimeSpan.FromSeconds(o.JobPollSeconds), stoppingToken), CancellationToken.None),
            Task.Run(() => EveryAsync("heartbeat", TimeSpan.FromSeconds(o.JobHeartbeatSeconds), jobs.Heartbeat, stoppingToken), CancellationToken.None),
            Task.Run(() => EveryAsync("sweep", TimeSpan.FromSeconds(o.JobSweepSeconds), jobs.Sweep, stoppingToken), CancellationToken.None));
    }

    private async Task ClaimAsync(TimeSpan poll, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            Guard("claim", jobs.ClaimQueued);
            try
            {
                await jobs.WaitForWorkAsync(poll, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task EveryAsync(string what, TimeSpan period, Action step, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                Guard(what, step);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private void Guard(string what, Action step)
    {
        try
        {
            step();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Screening job {Step} failed; trying again at the next period", what);
        }
    }
}
