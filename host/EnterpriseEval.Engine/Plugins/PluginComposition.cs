using Microsoft.Extensions.DependencyInjection;

using EnterpriseEval.Engine.Documents;
using EnterpriseEval.Sdk.Plugins;
using EnterpriseEval.Sdk.Tables;

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
    PolicyContributions Policy)
{
    /// <summary>The extra tables the plug-in declared (<see cref="IPluginBuilder.AddExtraTable"/>), read at import.</summary>
    public IReadOnlyList<ExtraTable> ExtraTables { get; init; } = [];
}
