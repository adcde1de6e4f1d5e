namespace EnterpriseEval.Service.Screening;

/// <summary>
/// Told of each progress report of a screening job this instance runs, on the job's own thread, with the job's stop
/// token. None is registered in the service: tests register one to hold a job at a known point (e.g. "running, with
/// progress") until the instance stops it, so that what happens to a job caught mid-run does not depend on the speed of
/// the machine.
/// </summary>
internal interface IScreeningRunProbe
{
    /// <summary>Job <paramref name="jobId"/> has screened <paramref name="done"/> employees; <paramref name="stop"/>
    /// is cancelled when the instance stops the job (cancel, shutdown or take-over).</summary>
    void Progress(string jobId, int done, CancellationToken stop);
}
