using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using EnterpriseEval.Engine;
using EnterpriseEval.Engine.Output;
using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Engine.Roster.Sources;
using EnterpriseEval.Engine.Screening;
using EnterpriseEval.Service.Endpoints;
using EnterpriseEval.Service.Problems;
using EnterpriseEval.Service.Rosters;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Workflow.Review;
using EnterpriseEval.Workflow.Review.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Service.Screening;

/// <summary>
/// Screening jobs (docs/service.md, "Screening jobs", "Several instances"). A job lives in the review store
/// (<see cref="IJobStore"/>), so every instance of <c>eeval serve</c> on the same store sees it: the instance asked to
/// start it queues it, any instance with a free slot claims it (<see cref="ScreeningJobWorker"/>) and runs it on the
/// thread pool through the public engine into two sinks at once — the same four result files as <c>eeval screen</c>, in
/// <c>screenings/ID</c> of the shared data folder, and memory, where <see cref="DecisionIndex"/> pages and filters them.
/// The owner records a heartbeat with the progress every few seconds; another instance that sees the heartbeats stop
/// takes the job over (queued again once, then failed with the reason), so no job stays "running" without a live owner.
/// An instance that did not run a completed job rebuilds its results in memory on first use from the job's roster and
/// cut-off and checks them against the digest the owner recorded.
/// </summary>
internal sealed class ScreeningJobs(
    ScreeningEngine engine,
    PluginCatalog catalog,
    RosterLibrary rosters,
    ServicePaths paths,
    ReviewStoreFactory stores,
    ServiceInstance instance,
    IOptions<RosterLimits> limits,
    IEnumerable<ITableSourceOpener> formats,
    TimeProvider time,
    IOptions<ServiceOptions> options,
    IEnumerable<IScreeningRunProbe> probes,
    ILogger<ScreeningJobs> logger) : IDisposable
{
    /// <summary>The kind of these jobs in the store.</summary>
    public const string Kind = "screening";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // The jobs this instance runs now, and the results of completed jobs it holds in memory (run here or rebuilt).
    private readonly ConcurrentDictionary<string, LocalRun> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ScreeningResults> _results = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);

    // What the sweep saw of other instances' running jobs: owner, beats and when (this instance's monotonic clock) they
    // last moved. Liveness is judged by beats moving, never by comparing clocks of different machines.
    private readonly Dictionary<string, (string Owner, long Beats, long Since)> _seen = new(StringComparer.Ordinal);
    private bool _stopping;

    public IReadOnlyList<ScreeningJobRun> All
    {
        get
        {
            using var store = stores.Open(null);
            return [.. store.Jobs(Kind).Select(View)];
        }
    }

    public ScreeningJobRun? Find(string id)
    {
        using var store = stores.Open(null);
        return store.FindJob(id) is { Kind: Kind } job ? View(job) : null;
    }

    /// <summary>Queues a screening of a stored roster (audited); an instance with a free slot runs it.</summary>
    public ScreeningJobRun Start(RosterInfo roster, DateOnly? asOf, bool allowStatutoryOnly, Actor actor)
    {
        var id = "s" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var cutOff = asOf ?? CutOff.Default(time);
        var job = new StoredJob(
            id, Kind, JobStates.Queued, roster.Id, cutOff, JsonSerializer.Serialize(new JobOptions(allowStatutoryOnly), Json), actor.UserName,
            time.GetUtcNow(), 0, null, null, 0, null, null, false, "排队", 0, 0, null, null, null, null);
        using (var store = stores.Open(null))
        {
            store.CreateJob(job, new AuditDraft(
                "screening", actor.UserName, $"开始筛查花名册 {roster.Id}（截止日期 {Dates.Chinese(cutOff)}），任务 {id}",
                new Dictionary<string, string> { ["job"] = id, ["roster"] = roster.Id, ["as_of"] = cutOff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }));
        }

        _wake.Release();
        return View(job);
    }

    /// <summary>
    /// Cancels a queued job, or asks the instance running it to stop (this one at once, another at its next heartbeat);
    /// false when it had already ended.
    /// </summary>
    public bool Cancel(ScreeningJobRun job, Actor actor)
    {
        JobCancel result;
        using (var store = stores.Open(null))
        {
            result = store.RequestCancel(
                job.Id, time.GetUtcNow(), new AuditDraft("screening-cancel", actor.UserName, $"取消筛查任务 {job.Id}", new Dictionary<string, string> { ["job"] = job.Id }));
        }

        if (result == JobCancel.Requested && _running.TryGetValue(job.Id, out var run))
        {
            run.Stop(StopReason.Cancelled);
        }

        return result is JobCancel.Cancelled or JobCancel.Requested;
    }

    /// <summary>
    /// The results of a completed job: those of a job this instance ran, else rebuilt once from the job's roster, cut-off
    /// and plug-ins (the shared data folder and configuration) and checked against the digest its owner recorded.
    /// </summary>
    /// <exception cref="ApiProblem">The results cannot be rebuilt here, or differ from the recorded ones.</exception>
    public ScreeningResults? ResultsOf(ScreeningJobRun job)
    {
        if (job.State != JobState.Completed)
        {
            return null;
        }

        if (_results.TryGetValue(job.Id, out var held))
        {
            return held;
        }

        _loading.Wait();
        try
        {
            if (_results.TryGetValue(job.Id, out held))
            {
                return held;
            }

            var loaded = Rebuild(job.Stored);
            _results[job.Id] = loaded;
            return loaded;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>The latest completed job whose results hold that employee, with their record and decisions.</summary>
    public (ScreeningJobRun Job, ScreeningResults Results)? LatestWith(string employeeId)
    {
        foreach (var job in All.Reverse().Where(j => j.State == JobState.Completed))
        {
            ScreeningResults? results;
            try
            {
                results = ResultsOf(job);
            }
            catch (ApiProblem e)
            {
                logger.LogWarning("Results of screening job {Job} not available here: {Detail}", job.Id, e.Detail);
                continue;
            }

            if (results?.Index.Employee(employeeId) is not null)
            {
                return (job, results);
            }
        }

        return null;
    }

    /// <summary>Wakes the worker (a job was queued or a slot freed); it also polls.</summary>
    public Task WaitForWorkAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);

    /// <summary>Claims queued jobs while this instance has free slots, and starts running them.</summary>
    public void ClaimQueued()
    {
        using var store = stores.Open(null);
        while (!_stopping && _running.Count < options.Value.MaxRunningScreenings && store.ClaimJob(Kind, instance.Id, time.GetUtcNow()) is { } job)
        {
            logger.LogInformation("Instance {Instance} claimed screening job {Job} (attempt {Attempt})", instance.Id, job.Id, job.Attempts);
            var run = new LocalRun(job);
            _running[job.Id] = run;
            run.Task = Task.Run(() => Run(run), CancellationToken.None);
        }
    }

    /// <summary>Records a heartbeat for every job this instance runs; stops those it lost or that were cancelled.</summary>
    public void Heartbeat()
    {
        if (_running.IsEmpty)
        {
            return;
        }

        using var store = stores.Open(null);
        foreach (var run in _running.Values)
        {
            var (stage, done, total) = run.Progress;
            var beat = store.HeartbeatJob(run.Job.Id, instance.Id, time.GetUtcNow(), stage, done, total);
            if (!beat.Held)
            {
                logger.LogWarning("Instance {Instance} no longer holds screening job {Job}: another instance took it over; stopping it here", instance.Id, run.Job.Id);
                run.Stop(StopReason.Lost);
            }
            else if (beat.CancelRequested)
            {
                run.Stop(StopReason.Cancelled);
            }
        }
    }

    /// <summary>
    /// Takes over running jobs whose owner stopped: their heartbeats have not moved for the timeout (as this instance saw
    /// them), or this instance owns them but no longer runs them. Queued again for a live instance while attempts
    /// remain, else failed with the reason — never left running.
    /// </summary>
    public void Sweep()
    {
        using var store = stores.Open(null);
        var now = time.GetTimestamp();
        var timeout = TimeSpan.FromSeconds(options.Value.JobTimeoutSeconds);
        var running = store.Jobs(Kind).Where(j => j.State == JobStates.Running).ToList();
        foreach (var job in running)
        {
            if (job.Owner == instance.Id && _running.ContainsKey(job.Id))
            {
                continue;
            }

            // Another instance's job, or one of ours no longer running here (its end could not be recorded): taken over
            // once its beats stood still for the timeout.
            if (!_seen.TryGetValue(job.Id, out var seen) || seen.Owner != job.Owner || seen.Beats != job.Beats)
            {
                _seen[job.Id] = (job.Owner ?? "", job.Beats, now);
                continue;
            }
            else if (time.GetElapsedTime(seen.Since, now) < timeout)
            {
                continue;
            }

            TakeOver(store, job);
        }

        foreach (var gone in _seen.Keys.Except(running.Select(j => j.Id), StringComparer.Ordinal).ToList())
        {
            _seen.Remove(gone);
        }
    }

    /// <summary>Stops the jobs running here and gives them back to the queue, for another instance or the next start.</summary>
    public void Shutdown()
    {
        _stopping = true;
        foreach (var run in _running.Values)
        {
            run.Stop(StopReason.Shutdown);
        }

        foreach (var run in _running.Values)
        {
            try
            {
                run.Task?.Wait(TimeSpan.FromSeconds(10));
            }
            catch (AggregateException)
            {
                // Ended by the cancellation.
            }
        }
    }

    public void Dispose()
    {
        Shutdown();
        foreach (var results in _results.Values)
        {
            results.Dispose();
        }

        _results.Clear();
        _loading.Dispose();
        _wake.Dispose();
    }

    /// <summary>What a person reads about a job taken over from a stopped instance, and what is done with it.</summary>
    private void TakeOver(IJobStore store, StoredJob job)
    {
        var who = job.Owner ?? "";
        var last = job.HeartbeatAt is { } at ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC" : "无";
        var stopped = $"运行该任务的服务实例已停止（实例 {who}，最后心跳 {last}）";
        var now = time.GetUtcNow();
        StoredJobEnd? end;
        string message;
        if (job.CancelRequested)
        {
            message = $"{stopped}，任务已按请求取消";
            end = new StoredJobEnd(JobStates.Cancelled, "已取消", now);
        }
        else if (job.Attempts >= options.Value.JobAttempts)
        {
            message = $"{stopped}，任务未完成（已由服务实例开始 {job.Attempts} 次，不再重试），请重新开始筛查";
            end = new StoredJobEnd(JobStates.Failed, "出错", now, Error: ProblemJson(new ApiProblem(StatusCodes.Status503ServiceUnavailable, "服务实例已停止", message)));
        }
        else
        {
            message = $"{stopped}，任务已重新排队，由其他服务实例从头重新运行";
            end = null;
        }

        if (store.TakeOverJob(job.Id, who, job.Beats, end, message, now))
        {
            _seen.Remove(job.Id);
            logger.LogWarning(
                "Instance {Instance} took over screening job {Job} from {Owner} (beats stopped at {Beats}, attempt {Attempt}): {Outcome}",
                instance.Id, job.Id, who, job.Beats, job.Attempts, end?.State ?? JobStates.Queued);
            if (end is null)
            {
                _wake.Release();
            }
        }
    }

    private ScreeningJobRun View(StoredJob job) =>
        new(job, _running.TryGetValue(job.Id, out var run) && job.State == JobStates.Running ? run.Progress : null, this);

    private void Run(LocalRun run)
    {
        var job = run.Job;
        var ct = run.Token;
        PluginSet? plugins = null;
        ScreeningResults? results = null;
        try
        {
            ct.ThrowIfCancellationRequested();
            run.Report("加载插件", 0, 0);
            var roster = rosters.Find(job.Roster)
                ?? throw new UserFacingException($"数据文件夹中没有花名册 {job.Roster}：各服务实例须共用同一数据文件夹（见 docs/service.md“多个实例”）");
            var jobOptions = JsonSerializer.Deserialize<JobOptions>(job.Options, Json) ?? new JobOptions(false);
            var rosterPath = rosters.ReadPath(roster);
            plugins = catalog.Load(null);
            ScreeningJob.RequireAllLoaded(plugins, new ScreeningRequest(rosterPath, job.AsOf, "", null, jobOptions.AllowStatutoryOnly));
            run.Report("读取花名册", 0, 0);
            var read = RosterReader.ReadFolder(rosterPath, ct, limits.Value, formats, plugins.ExtraTables);

            // The result files are written from scratch into a staging folder and published as one set: a job run again
            // after its instance stopped replaces whatever the earlier attempt left, never mixes with it.
            var folder = Path.Combine(paths.Screenings, job.Id);
            Directory.CreateDirectory(paths.Screenings);
            var memory = new InMemoryDecisionSink();
            using (var files = new ResultSetSink(folder, job.AsOf, plugins, new StageTimes()))
            {
                var watching = probes.ToArray();
                var progress = new InlineProgress<EngineProgress>(p =>
                {
                    run.Report(p.Stage, p.Done, p.Total);
                    foreach (var probe in watching)
                    {
                        probe.Progress(job.Id, p.Done, ct);
                    }
                });
                engine.RunAsync(RosterSource.FromRead(read), job.AsOf, plugins, new TeeSink(files, memory), progress, null, ct).GetAwaiter().GetResult();
            }

            var result = new ScreeningResult(job.AsOf, memory.DecisionsByEmployee, memory.Equivalences, plugins.Provenance)
            {
                NotApplied = memory.Summary?.NotApplied ?? 0,
            };
            results = new ScreeningResults(new ScreenedRoster(read, result, plugins), folder);
            plugins = null;
            var counts = Counts(results);

            // Held before the store says "succeeded", so whoever reads that state here finds the results.
            _results[job.Id] = results;
            if (!Finish(run, new StoredJobEnd(
                JobStates.Succeeded, "完成", time.GetUtcNow(), results.Index.Employees, results.Index.Employees,
                Result: JsonSerializer.Serialize(counts, Json), ResultDigest: Digest(results.Screened))))
            {
                _results.TryRemove(job.Id, out _);
                results.Dispose();
            }

            results = null;
        }
        catch (OperationCanceledException)
        {
            switch (run.Reason)
            {
                case StopReason.Shutdown:
                    Release(run);
                    break;
                case StopReason.Lost:
                    break;
                default:
                    Finish(run, new StoredJobEnd(JobStates.Cancelled, "已取消", time.GetUtcNow()));
                    break;
            }
        }
        catch (Exception e)
        {
            var problem = ProblemExceptionHandler.Translate(e);
            if (problem is null)
            {
                logger.LogError(e, "Screening job {Job} failed", job.Id);
                problem = new ApiProblem(500, ProblemTitles.Of(500), "筛查任务出错，详情已记入服务日志，请联系系统管理员");
            }

            Finish(run, new StoredJobEnd(JobStates.Failed, "出错", time.GetUtcNow(), Error: ProblemJson(problem)));
        }
        finally
        {
            results?.Dispose();
            plugins?.Dispose();
            _running.TryRemove(job.Id, out _);
            run.Dispose();
            if (!_stopping)
            {
                _wake.Release();
            }
        }
    }

    /// <summary>Records the end of a job this instance still holds; false (and a log line) when it does not.</summary>
    private bool Finish(LocalRun run, StoredJobEnd end)
    {
        try
        {
            using var store = stores.Open(null);
            if (store.FinishJob(run.Job.Id, instance.Id, end))
            {
                return true;
            }

            logger.LogWarning("Screening job {Job} ended here ({State}) but another instance had taken it over: its end is not recorded", run.Job.Id, end.State);
        }
        catch (Exception e) when (e is UserFacingException or System.Data.Common.DbException or IOException)
        {
            // The job stays "running" under this instance without a run: the next sweep (here or elsewhere) takes it over.
            logger.LogError(e, "The end of screening job {Job} ({State}) could not be recorded", run.Job.Id, end.State);
        }

        return false;
    }

    private void Release(LocalRun run)
    {
        try
        {
            using var store = stores.Open(null);
            store.ReleaseJob(run.Job.Id, instance.Id, $"服务实例 {instance.Id} 停止服务，任务已交回队列，由其他服务实例（或重启后的服务）从头重新运行");
        }
        catch (Exception e) when (e is UserFacingException or System.Data.Common.DbException or IOException)
        {
            logger.LogError(e, "Screening job {Job} could not be given back to the queue; another instance takes it over once its heartbeats stop", run.Job.Id);
        }
    }

    /// <summary>The results of a job another instance ran: the same roster, cut-off and plug-ins, screened in memory.</summary>
    private ScreeningResults Rebuild(StoredJob job)
    {
        var started = time.GetTimestamp();
        var roster = rosters.Find(job.Roster)
            ?? throw ApiProblem.Conflict($"本服务实例的数据文件夹中没有花名册 {job.Roster}，无法显示筛查任务 {job.Id} 的结果：各服务实例须共用同一数据文件夹（见 docs/service.md“多个实例”）");
        var jobOptions = JsonSerializer.Deserialize<JobOptions>(job.Options, Json) ?? new JobOptions(false);
        var rosterPath = rosters.ReadPath(roster);
        PluginSet? plugins = catalog.Load(null);
        try
        {
            ScreeningJob.RequireAllLoaded(plugins, new ScreeningRequest(rosterPath, job.AsOf, "", null, jobOptions.AllowStatutoryOnly));
            var read = RosterReader.ReadFolder(rosterPath, CancellationToken.None, limits.Value, formats, plugins.ExtraTables);
            var memory = new InMemoryDecisionSink();
            engine.RunAsync(RosterSource.FromRead(read), job.AsOf, plugins, memory, null, null, CancellationToken.None).GetAwaiter().GetResult();
            var result = new ScreeningResult(job.AsOf, memory.DecisionsByEmployee, memory.Equivalences, plugins.Provenance)
            {
                NotApplied = memory.Summary?.NotApplied ?? 0,
            };
            var screened = new ScreenedRoster(read, result, plugins);
            if (Digest(screened) != job.ResultDigest)
            {
                throw ApiProblem.Conflict(
                    $"本服务实例重新载入的筛查任务 {job.Id} 的结果与运行该任务的实例记录的不一致：各服务实例的插件与配置须完全相同（见 docs/service.md“多个实例”）");
            }

            logger.LogInformation("Results of screening job {Job} rebuilt here in {Ms} ms", job.Id, (int)time.GetElapsedTime(started).TotalMilliseconds);
            var results = new ScreeningResults(screened, Path.Combine(paths.Screenings, job.Id));
            plugins = null;
            return results;
        }
        catch (Exception e) when (e is not ApiProblem && ProblemExceptionHandler.Translate(e) is { } problem)
        {
            throw new ApiProblem(StatusCodes.Status409Conflict, ProblemTitles.Of(409), $"本服务实例无法载入筛查任务 {job.Id} 的结果：{problem.Detail}");
        }
        finally
        {
            plugins?.Dispose();
        }
    }

    private static JobCounts Counts(ScreeningResults r) =>
        new(r.Index.Employees, r.Screened.Roster.Rejects.Count, r.Screened.Result.NotApplied, r.Index.Count, r.Index.OutcomeCounts());

    /// <summary>SHA-256 over every decision (as the review store keeps decisions), the equivalences and the plug-ins.</summary>
    internal static string Digest(ScreenedRoster screened)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var result = screened.Result;
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{result.AsOf:yyyy-MM-dd}|{result.PluginProvenance}|{result.Equivalences.Count}|{screened.Roster.Rejects.Count}\n"));
        foreach (var decision in DecisionRecord.FromResult(result, 0))
        {
            hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(decision, Json));
            hash.AppendData("\n"u8);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    internal static string ProblemJson(ApiProblem problem) =>
        JsonSerializer.Serialize(
            new StoredProblem(problem.Status, problem.Title, problem.Detail, problem.Extensions.TryGetValue("roster", out var r) ? r as RosterLocation : null), Json);

    internal static ApiProblem? Problem(string? json)
    {
        if (string.IsNullOrEmpty(json) || JsonSerializer.Deserialize<StoredProblem>(json, Json) is not { } p)
        {
            return null;
        }

        return new ApiProblem(p.Status, p.Title, p.Detail, p.Roster is null ? null : new Dictionary<string, object?> { ["roster"] = p.Roster });
    }

    internal static JobCounts? CountsOf(string? json) => string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<JobCounts>(json, Json);

    private sealed record JobOptions(bool AllowStatutoryOnly);

    private sealed record StoredProblem(int Status, string Title, string Detail, RosterLocation? Roster);

    /// <summary>Why a run here was stopped.</summary>
    private enum StopReason
    {
        None,
        Cancelled,
        Shutdown,
        Lost,
    }

    /// <summary>A job this instance runs: its progress (sent with each heartbeat) and how to stop it.</summary>
    private sealed class LocalRun(StoredJob job) : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Lock _gate = new();
        private (string Stage, int Done, int Total) _progress = ("开始", 0, 0);
        private StopReason _reason;

        public StoredJob Job { get; } = job;

        public Task? Task { get; set; }

        public CancellationToken Token => _stop.Token;

        public StopReason Reason
        {
            get
            {
                lock (_gate)
                {
                    return _reason;
                }
            }
        }

        public (string Stage, int Done, int Total) Progress
        {
            get
            {
                lock (_gate)
                {
                    return _progress;
                }
            }
        }

        public void Report(string stage, int done, int total)
        {
            lock (_gate)
            {
                _progress = (stage, done, total);
            }
        }

        public void Stop(StopReason reason)
        {
            lock (_gate)
            {
                if (_reason != StopReason.None)
                {
                    return;
                }

                _reason = reason;
            }

            try
            {
                _stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // It had ended.
            }
        }

        public void Dispose() => _stop.Dispose();
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

/// <summary>
/// A screening job as the store has it when asked (with this instance's fresher progress when it runs it here); its
/// results, once completed, from <see cref="ScreeningJobs.ResultsOf"/>.
/// </summary>
internal sealed class ScreeningJobRun
{
    private readonly ScreeningJobs _jobs;

    public ScreeningJobRun(StoredJob stored, (string Stage, int Done, int Total)? local, ScreeningJobs jobs)
    {
        Stored = stored;
        _jobs = jobs;
        State = stored.State switch
        {
            JobStates.Queued => JobState.Queued,
            JobStates.Running => JobState.Running,
            JobStates.Succeeded => JobState.Completed,
            JobStates.Failed => JobState.Failed,
            _ => JobState.Cancelled,
        };
        (Stage, Done, Total) = local ?? (stored.Stage, stored.Done, stored.Total);
        Error = ScreeningJobs.Problem(stored.Error);
        Counts = ScreeningJobs.CountsOf(stored.Result);
    }

    public StoredJob Stored { get; }

    public string Id => Stored.Id;

    public string RosterId => Stored.Roster;

    public DateOnly AsOf => Stored.AsOf;

    public string StartedBy => Stored.CreatedBy;

    public DateTimeOffset CreatedAt => Stored.CreatedAt;

    public JobState State { get; }

    public string Stage { get; }

    public int Done { get; }

    public int Total { get; }

    public ApiProblem? Error { get; }

    /// <summary>What happened to the job beyond its state (e.g. taken over after an instance stopped).</summary>
    public string? Message => Stored.Message;

    /// <summary>The result counts recorded when it completed (without loading the results).</summary>
    public JobCounts? Counts { get; }

    /// <summary>The results once completed (rebuilt here on first use when another instance ran it), else null.</summary>
    public ScreeningResults? Results => _jobs.ResultsOf(this);
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

    /// <summary>Serialises notice rendering in this process: one kind at a time renders into its cache folder.</summary>
    public SemaphoreSlim Rendering { get; } = new(1, 1);

    public void Dispose()
    {
        Screened.Dispose();
        Rendering.Dispose();
    }
}

/// <summary>This process as one of the service's instances: host name, process id and a random part (docs/service.md).</summary>
internal sealed class ServiceInstance
{
    public string Id { get; } = $"{System.Net.Dns.GetHostName()}:{Environment.ProcessId}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
}
