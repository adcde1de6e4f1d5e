namespace EnterpriseEval.Workflow.Watching;

/// <summary>What changed in a plug-ins folder since the last run.</summary>
/// <param name="NeedsReload">An assembly, a manifest or the roster changed: plug-ins reload (their contexts unloaded) and the roster is read again.</param>
/// <param name="Templates">Only template files changed: templates reload without unloading any assembly.</param>
/// <param name="Files">The changed files, relative to the watched folder, for the message.</param>
internal sealed record PluginChange(bool NeedsReload, bool Templates, IReadOnlyList<string> Files);
