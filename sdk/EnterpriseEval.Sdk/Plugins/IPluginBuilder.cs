using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace EnterpriseEval.Sdk.Plugins;

/// <summary>
/// What a plug-in may contribute. Everything is additive: criteria can only tighten a decision, tables only add
/// entries, templates only replace the look of a document.
/// </summary>
public interface IPluginBuilder
{
    /// <summary>The plug-in's id from <c>plugin.json</c>.</summary>
    string PluginId { get; }

    /// <summary>
    /// The plug-in's own service collection. Criteria, scoring and grade maps registered through this builder are
    /// resolved from it, so they may take the plug-in's services and options in their constructors.
    /// </summary>
    IServiceCollection Services { get; }

    /// <summary>
    /// Binds <typeparamref name="TOptions"/> from the host configuration section <c>Plugins:&lt;plugin id&gt;</c> and
    /// registers it as <c>IOptions&lt;TOptions&gt;</c> in <see cref="Services"/>.
    /// </summary>
    /// <typeparam name="TOptions">A class with settable properties.</typeparam>
    IPluginBuilder BindOptions<TOptions>()
        where TOptions : class, new();

    /// <summary>Adds a criterion: an extra condition on one or more paths, with the firm's own citation.</summary>
    /// <typeparam name="TCriterion">Resolved from <see cref="Services"/> (constructor injection).</typeparam>
    IPluginBuilder AddCriterion<TCriterion>()
        where TCriterion : class, ICriterion;

    /// <summary>
    /// Declares a further roster file the plug-in reads (docs/plugin-authoring.md, "Reading extra columns and files"):
    /// the runtime reads it once at import with the roster's parsers, sends bad values to <c>rejects.csv</c>, and hands
    /// criteria and pay tables typed rows through <see cref="ExtraTable{TRow}.RowsOf"/>. A bad declaration (empty or
    /// duplicate name, a code list without values, the name of a roster file …) refuses the plug-in at load.
    /// </summary>
    /// <param name="table">The table, made once with <see cref="ExtraTable.Define{TRow}"/>.</param>
    IPluginBuilder AddExtraTable(ExtraTable table);

    /// <summary>Sets the achievement scoring for the performance review (业绩评审); at most one per plug-in.</summary>
    /// <typeparam name="TScoring">Resolved from <see cref="Services"/>.</typeparam>
    IPluginBuilder UseScoring<TScoring>()
        where TScoring : class, IAchievementScoring;

    /// <summary>Sets the internal post-grade map used for post equivalence (岗位比照); at most one per plug-in.</summary>
    /// <typeparam name="TMap">Resolved from <see cref="Services"/>.</typeparam>
    IPluginBuilder UsePostGrades<TMap>()
        where TMap : class, IPostGradeMap;

    /// <summary>Sets the wage and allowance tables for the pay notices; at most one per plug-in.</summary>
    /// <typeparam name="TTables">Resolved from <see cref="Services"/>.</typeparam>
    IPluginBuilder UsePayTables<TTables>()
        where TTables : class, IPayTables;

    /// <summary>
    /// Replaces the default Scriban template of a document kind and format with the plug-in's own file (company
    /// letterhead, extra sections). The file is checked at load: a variable the model lacks or a syntax error refuses
    /// the template with file, line and column.
    /// </summary>
    /// <param name="kind">The document kind.</param>
    /// <param name="format">HTML or Markdown.</param>
    /// <param name="relativePath">The template file, relative to the plug-in's folder; includes stay inside that folder.</param>
    IPluginBuilder UseTemplate(DocumentKind kind, DocumentFormat format, string relativePath);

    /// <summary>
    /// Adds a function templates may call, by a snake_case name. It must be pure (same arguments, same result; no
    /// I/O, no state), since notices are rendered in parallel and replayed.
    /// </summary>
    IPluginBuilder AddTemplateFunction(string name, Delegate function);

    /// <summary>
    /// Declares that an occupation (职业工种) corresponds to a title series and specialty (专业对应关系, 96号 二（一）);
    /// title paths whose application names no series then aim at that series. Wins over the SDK's default
    /// correspondence and over configuration; an occupation nobody declares has no series and needs review.
    /// </summary>
    IPluginBuilder MapOccupation(string occupation, TitleSeries series, string specialty);

    /// <summary>Adds majors related to an occupation, for the theory-exam exemption (96号 二（四）).</summary>
    IPluginBuilder AddRelatedMajors(string occupation, params string[] majors);

    /// <summary>Sets the cumulative work years required for a skill level in one occupation (reverse path and promotion).</summary>
    IPluginBuilder SetCumulativeWorkYears(string occupation, SkillLevel level, int years);
}
