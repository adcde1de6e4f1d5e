namespace EnterpriseEval.Engine.Notices;

/// <summary>Settings of the self-run review (configuration section <c>EnterpriseEval:Review</c>).</summary>
internal sealed class ReviewOptions
{
    public const string SectionName = "EnterpriseEval:Review";

    /// <summary>The review store (SQLite file); <c>--store</c> overrides it. Created on first use.</summary>
    public string Store { get; set; } = "eeval-review.db";

    /// <summary>Public holidays (<c>YYYY-MM-DD</c>), not counted as working days of the publicity.</summary>
    public List<string> Holidays { get; set; } = [];

    /// <summary>Make-up working days on a weekend (调休上班, <c>YYYY-MM-DD</c>), counted as working days.</summary>
    public List<string> WorkingWeekends { get; set; } = [];

    /// <summary>Working days of the publicity (project default 5, samples/review/README.md).</summary>
    public int PublicityWorkingDays { get; set; } = 5;

    /// <summary>Share of the experts present who must vote for (project default 2/3, 人社部令第40号).</summary>
    public string VotePass { get; set; } = "2/3";

    /// <summary>Share of the committee who must be present for a vote to count (project default 2/3, 人社部令第40号).</summary>
    public string Quorum { get; set; } = "2/3";

    /// <summary>Employees screened and committed per transaction; a crash loses at most one chunk of work.</summary>
    public int ScreenChunkSize { get; set; } = 500;

    /// <summary>
    /// The audit key itself (base64, or a passphrase of at least 16 bytes); best given as the environment variable
    /// <c>EEVAL_EnterpriseEval__Review__AuditKey</c>. Takes precedence over <see cref="AuditKeyFile"/> (docs/security.md).
    /// </summary>
    public string? AuditKey { get; set; }

    /// <summary>The file holding the audit key; default <c>~/.config/eeval/audit.key</c>, created by the first <c>review new</c>.</summary>
    public string? AuditKeyFile { get; set; }

    /// <summary>
    /// How long a command waits for another one that is writing to the same store before it gives up with a Chinese
    /// message (seconds).
    /// </summary>
    public int BusyTimeoutSeconds { get; set; } = 300;
}
