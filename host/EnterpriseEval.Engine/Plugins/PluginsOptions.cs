namespace EnterpriseEval.Engine.Plugins;

/// <summary>Plug-in settings (configuration section <c>EnterpriseEval:Plugins</c>).</summary>
internal sealed class PluginsOptions
{
    public const string SectionName = "EnterpriseEval:Plugins";

    /// <summary>The folder with one sub-folder per plug-in; <c>--plugins</c> overrides it. Empty: statutory rules only.</summary>
    public string? Directory { get; set; }

    /// <summary>
    /// The allow-list: the SHA-256 of every file of every approved plug-in folder (<c>sha256  ./folder/path</c> per line).
    /// When set, or when a <c>plugins.lock</c> lies in the plug-ins folder, a plug-in folder with a file not listed, listed
    /// with another hash, or listed but missing is refused, naming the file (docs/plugins.md, "plugins.lock").
    /// </summary>
    public string? LockFile { get; set; }

    /// <summary>How long one criterion may run on one decision before the decision becomes <c>needs_review</c>.</summary>
    public int CriterionTimeoutMilliseconds { get; set; } = 2_000;

    /// <summary>
    /// Each plug-in's total time in one run, summed over every call on every worker (criteria, grade maps): past it the
    /// plug-in is disabled for the rest of the run and the decisions it would judge go to <c>needs_review</c>. The
    /// budget is this many seconds plus <see cref="PluginTimeBudgetMillisecondsPerEmployee"/> for each employee of the
    /// run. Default 10 seconds; 0 or less: no budget (docs/plugins.md, "Trust model").
    /// </summary>
    public double PluginTimeBudgetSeconds { get; set; } = 10;

    /// <summary>
    /// What each employee of a run adds to every plug-in's time budget, in milliseconds. Default 0.05: 60 seconds in all
    /// at 1,000,000 employees, where both shipped plug-ins together add about 8 seconds of CPU time (BENCHMARKS.md).
    /// </summary>
    public double PluginTimeBudgetMillisecondsPerEmployee { get; set; } = 0.05;

    /// <summary>The budget of one plug-in for a run over <paramref name="employees"/> employees, in seconds; 0 = none.</summary>
    public double PluginTimeBudgetFor(int employees) =>
        PluginTimeBudgetSeconds <= 0 ? 0 : PluginTimeBudgetSeconds + (Math.Max(0, PluginTimeBudgetMillisecondsPerEmployee) * employees / 1000);
}
