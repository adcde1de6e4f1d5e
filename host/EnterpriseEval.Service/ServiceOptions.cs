namespace EnterpriseEval.Service;

/// <summary>
/// <c>EnterpriseEval:Service</c>: where <c>eeval serve</c> keeps uploaded rosters and screening results, and the limits it
/// enforces (docs/service.md, "Limits").
/// </summary>
internal sealed class ServiceOptions
{
    public const string SectionName = "EnterpriseEval:Service";

    /// <summary>Uploaded rosters, screening results and issued files; default: <c>STORE.files</c> beside the review store.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Largest request body of an upload, in bytes (default 200 MiB).</summary>
    public long MaxUploadBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Most files one upload may carry, counting the entries of a zip (default 64).</summary>
    public int MaxUploadFiles { get; set; } = 64;

    /// <summary>Most bytes a zip may expand to (default 1 GiB): a zip bomb is refused before it fills the disk.</summary>
    public long MaxExpandedBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Failed sign-ins in a row that lock an account (default 5).</summary>
    public int LockoutThreshold { get; set; } = 5;

    /// <summary>How long a locked account stays locked, in minutes (default 15).</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>How long a sign-in cookie lives without use, in minutes (default 480, a working day).</summary>
    public int SessionMinutes { get; set; } = 480;

    /// <summary>Send the sign-in cookie only over HTTPS and localhost (default true: browsers treat localhost as secure).</summary>
    public bool SecureCookies { get; set; } = true;

    /// <summary>Screening jobs that run at once; more wait as "queued" (default 2).</summary>
    public int MaxRunningScreenings { get; set; } = 2;

    /// <summary>Largest page of decisions one request may ask for (default 500).</summary>
    public int MaxPageSize { get; set; } = 500;

    /// <summary>
    /// How often an instance records a heartbeat for each job it runs, in seconds (default 5; docs/service.md, "Several
    /// instances"). The heartbeat also carries the job's progress to the other instances and brings back a cancel request.
    /// </summary>
    public double JobHeartbeatSeconds { get; set; } = 5;

    /// <summary>
    /// How long a running job's heartbeats may stand still, as another instance sees them, before it takes the job over
    /// (default 60 seconds; at least three heartbeats).
    /// </summary>
    public double JobTimeoutSeconds { get; set; } = 60;

    /// <summary>How often every instance looks for jobs whose owner stopped (default 10 seconds).</summary>
    public double JobSweepSeconds { get; set; } = 10;

    /// <summary>How often an instance with a free slot looks for queued jobs (default 2 seconds; at once when it queues one).</summary>
    public double JobPollSeconds { get; set; } = 2;

    /// <summary>
    /// How many times a job may be started by an instance that then stopped (default 2): after the first such stop the
    /// job is queued again for another instance; after the last one it is marked failed with the reason.
    /// </summary>
    public int JobAttempts { get; set; } = 2;
}
