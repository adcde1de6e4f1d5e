namespace EnterpriseEval.Workflow.Review;

/// <summary>
/// What a review batch covers and on which rules it runs, fixed when the batch is created (<c>review new</c>).
/// </summary>
/// <param name="Name">The batch's unique name, e.g. <c>2026-工程-中级</c>.</param>
/// <param name="Year">The review year.</param>
/// <param name="Series">Title series covered (codes, <c>;</c> separated).</param>
/// <param name="Levels">Title or skill levels covered (codes, <c>;</c> separated).</param>
/// <param name="AsOf">The cut-off date of the screening.</param>
/// <param name="Authorisation">The review authorisation in force, as people read it.</param>
/// <param name="Plugins">The plug-ins as <c>id@version#sha256;…</c>.</param>
/// <param name="PluginsDirectory">Where the plug-ins were loaded from (full path), the default for later steps.</param>
/// <param name="RuleSetVersion">The statutory rule set's version.</param>
/// <param name="Configuration">The policy and plug-in configuration in force, as sorted JSON key/value pairs.</param>
internal sealed record BatchDefinition(
    string Name,
    int Year,
    string Series,
    string Levels,
    DateOnly AsOf,
    string Authorisation,
    string Plugins,
    string PluginsDirectory,
    string RuleSetVersion,
    string Configuration);
