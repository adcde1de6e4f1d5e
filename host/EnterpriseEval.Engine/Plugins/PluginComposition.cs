using Microsoft.Extensions.DependencyInjection;

using EnterpriseEval.Engine.Documents;
using EnterpriseEval.Sdk.Plugins;

namespace EnterpriseEval.Engine.Plugins;

/// <summary>
/// A plug-in's contributions, resolved from its own service provider. A reload builds a new composition rather than
/// patching a running container.
/// </summary>
internal sealed record PluginComposition(
    ServiceProvider Services,
    IReadOnlyList<ICriterion> Criteria,
    IAchievementScoring? Scoring,
    IPostGradeMap? PostGrades,
    IPayTables? PayTables,
    IReadOnlyList<TemplateOverride> Templates,
    IReadOnlyDictionary<string, Delegate> TemplateFunctions,
    PolicyContributions Policy);
