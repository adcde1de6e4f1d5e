namespace EnterpriseEval.Engine.Plugins;

/// <summary>Plug-in settings (configuration section <c>EnterpriseEval:Plugins</c>).</summary>
internal sealed class PluginsOptions
{
    public const string SectionName = "EnterpriseEval:Plugins";

    /// <summary>The folder with one sub-folder per plug-in; <c>--plugins</c> overrides it. Empty: statutory rules only.</summary>
    public string? Directory { get; set; }

    /// <summary>
    /// A file of approved plug-in assembly hashes (<c>sha256  relative/path.dll</c> per line). When set, or when a
    /// <c>plugins.lock</c> lies in the plug-ins folder, any plug-in assembly not listed is refused.
    /// </summary>
    public string? LockFile { get; set; }

    /// <summary>How long one criterion may run on one decision before the decision becomes <c>needs_review</c>.</summary>
    public int CriterionTimeoutMilliseconds { get; set; } = 2_000;
}
