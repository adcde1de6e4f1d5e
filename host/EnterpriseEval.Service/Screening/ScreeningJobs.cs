using System.Collections.Concurrent;
using System.Security.Cryptography;
using EnterpriseEval.Engine;
using EnterpriseEval.Engine.Output;
using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Engine.Roster.Sources;
using EnterpriseEval.Engine.Screening;
using EnterpriseEval.Service.Problems;
using EnterpriseEval.Service.Rosters;
using EnterpriseEval.Service.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Service.Screening;

/// <summary>
/// Screening jobs (docs/service.md, "Screening jobs"): each runs on the thread pool through the public engine
/// (<see cref="ScreeningEngine.RunAsync(RosterSource, DateOnly, EnginePlugins?, IDecisionSink, IProgress{EngineProgress}?, CancellationToken)"/>'s
/// host overload) into two sinks at once: the same four result files as <c>eeval screen</c> (for download) and memory,
/// where <see cref="DecisionIndex"/> pages and filters them. Jobs live as long as the process; their result files stay
/// in <c>screenings/ID</c>. Stopping the service cancels running jobs.
/// </summary>
internal sealed class ScreeningJobs(
    ScreeningEngine engine,
    PluginCatalog catalog,
    RosterLibrary rosters,
    ServicePaths paths,
    ServiceAudit audit,
    IOptions<RosterLimits> limits,
    IEnumerable<ITableSourceOpener> formats,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    IOptions<ServiceOptions> options,
    ILogger<ScreeningJobs> logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, ScreeningJobRun> _jobs = new(StringComparer.Ordinal);

    // At most this many jobs screen at once; the others wait "queued" (each holds a roster and its decisions in memory).
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.MaxRunningScreenings));

    public IReadOnlyList<ScreeningJobRun> All => [.. _jobs.Values.OrderBy(j => j.CreatedAt)];

    public ScreeningJobRun? Find(string id) => _jobs.TryGetValue(id, out var job) ? job : null;

    /// <summary>Starts screening a stored roster; the job runs on after the request returns.</summary>
    public ScreeningJobRun Start(RosterInfo roster, DateOnly? asOf, bool allowStatutoryOnly, Actor actor)
    {
        var id = "s" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var cutOff = asOf ?? CutOff.Default(time);
        var job = new ScreeningJobRun(id, roster.Id, cutOff, actor.UserName, time.GetUtcNow(), CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping));
        audit.Record("screening", actor, $"开始筛查花名册 {roster.Id}（截止日期 {Dates.Chinese(cutOff)}），任务 {id}",
            new Dictionary<string, string> { ["job"] = id, ["roster"] = roster.Id, ["as_of"] = cutOff.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        _jobs[id] = job;
        var path = rosters.ReadPath(roster);
        job.Task = Task.Run(async () =>
        {
            try
            {
                await _slots.WaitAsync(job.Stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                job.End(JobState.Cancelled, null);
                return;
            }

            try
            {
                Run(job, path, allowStatutoryOnly);
            }
            finally
            {
                _slots.Release();
            }
        }, CancellationToken.None);
        return job;
    }

    /// <summary>Asks a queued or running job to stop; false when it had already ended.</summary>
    public bool Cancel(ScreeningJobRun job, Actor actor)
    {
        if (job.State is not (JobState.Queued or JobState.Running))
        {
            return false;
        }

        audit.Record("screening-cancel", actor, $"取消筛查任务 {job.Id}", new Dictionary<string, string> { ["job"] = job.Id });
        job.Stop.Cancel();
        return true;
    }

    public void Dispose()
    {
        foreach (var job in _jobs.Values)
        {
            job.Stop.Cancel();
            try
            {
                job.Task?.Wait(TimeSpan.FromSeconds(10));
            }
            catch (AggregateException)
            {
                // Ended by the cancellation.
            }

            job.Results?.Dispose();
            job.Stop.Dispose();
        }

        _slots.Dispose();
    }

    private void Run(ScreeningJobRun job, string rosterPath, bool allowStatutoryOnly)
    {
        var ct = job.Stop.Token;
        PluginSet? plugins = null;
        try
        {
            ct.ThrowIfCancellationRequested();
            job.Report("加载插件", 0, 0, JobState.Running);
            plugins = catalog.Load(null);
            ScreeningJob.RequireAllLoaded(plugins, new ScreeningRequest(rosterPath, job.AsOf, "", null, allowStatutoryOnly));
            job.Report("读取花名册", 0, 0, JobState.Running);
            var roster = RosterReader.ReadFolder(rosterPath, ct, limits.Value, formats, plugins.ExtraTables);
            var folder = Path.Combine(paths.Screenings, job.Id);
            Directory.CreateDirectory(folder);
            var memory = new InMemoryDecisionSink();
            using (var files = new ResultSetSink(folder, job.AsOf, plugins, new StageTimes()))
            {
                var progress = new InlineProgress<EngineProgress>(p => job.Report(p.Stage, p.Done, p.Total, JobState.Running));
                engine.RunAsync(RosterSource.FromRead(roster), job.AsOf, plugins, new TeeSink(files, memory), progress, null, ct).GetAwaiter().GetResult();
            }

            var result = new ScreeningResult(job.AsOf, memory.DecisionsByEmployee, memory.Equivalences, plugins.Provenance)
            {
                NotApplied = memory.Summary?.NotApplied ?? 0,
            };
            job.Complete(new ScreeningResults(new ScreenedRoster(roster, result, plugins), folder));
            plugins = null;
        }
        catch (OperationCanceledException)
        {
            job.End(JobState.Cancelled, null);
        }
        catch (Exception e)
        {
            var problem = ProblemExceptionHandler.Translate(e);
            if (problem is null)
            {
                logger.LogError(e, "Screening job {Job} failed", job.Id);
                problem = new ApiProblem(500, ProblemTitles.Of(500), "筛查任务出错，详情已记入服务日志，请联系系统管理员");
            }

            job.End(JobState.Failed, problem);
        }
        finally
        {
            plugins?.Dispose();
        }
    }
}

/// <summary>Where a screening job is.</summary>
internal enum JobState
{
    Queued,
    Running,
    Completed,
    Failed,
    Cancelled,
}

/// <summary>One screening job: its state and progress while it runs, its results once completed.</summary>
internal sealed class ScreeningJobRun(string id, string rosterId, DateOnly asOf, string startedBy, DateTimeOffset createdAt, CancellationTokenSource stop)
{
    private readonly Lock _gate = new();

    public string Id { get; } = id;

    public string RosterId { get; } = rosterId;

    public DateOnly AsOf { get; } = asOf;

    public string StartedBy { get; } = startedBy;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public CancellationTokenSource Stop { get; } = stop;

    public Task? Task { get; set; }

    public JobState State { get; private set; } = JobState.Queued;

    public string Stage { get; private set; } = "排队";

    public int Done { get; private set; }

    public int Total { get; private set; }

    public ApiProblem? Error { get; private set; }

    public ScreeningResults? Results { get; private set; }

    public void Report(string stage, int done, int total, JobState state)
    {
        lock (_gate)
        {
            if (State is JobState.Queued or JobState.Running)
            {
                (Stage, Done, Total, State) = (stage, done, total, state);
            }
        }
    }

    public void Complete(ScreeningResults results)
    {
        lock (_gate)
        {
            Results = results;
            State = JobState.Completed;
            Stage = "完成";
            Done = Total = results.Screened.Roster.Records.Count;
        }
    }

    public void End(JobState state, ApiProblem? error)
    {
        lock (_gate)
        {
            State = state;
            Stage = state == JobState.Cancelled ? "已取消" : "出错";
            Error = error;
        }
    }
}

/// <summary>A completed job's results: the roster, decisions and plug-ins (kept loaded for notices) and the index.</summary>
internal sealed class ScreeningResults : IDisposable
{
    public ScreeningResults(ScreenedRoster screened, string folder)
    {
        Screened = screened;
        Folder = folder;
        Index = new DecisionIndex(screened.Roster.Records, screened.Result.DecisionsByEmployee);
    }

    public ScreenedRoster Screened { get; }

    public string Folder { get; }

    public DecisionIndex Index { get; }

    /// <summary>Serialises notice rendering: one kind at a time renders into its cache folder.</summary>
    public SemaphoreSlim Rendering { get; } = new(1, 1);

    public void Dispose()
    {
        Screened.Dispose();
        Rendering.Dispose();
    }
}
