using EnterpriseEval.Engine.Documents;
using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Plugins;
using EnterpriseEval.Sdk.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Engine.Plugins;

/// <summary>The host's side of <see cref="IPluginBuilder"/>: records what a plug-in contributes.</summary>
internal sealed class PluginBuilder(string pluginId, string folder, IConfiguration section) : IPluginBuilder
{
    private readonly List<Type> _criteria = [];
    private readonly List<TemplateOverride> _templates = [];
    private readonly Dictionary<string, Delegate> _functions = new(StringComparer.Ordinal);
    private readonly List<ExtraTable> _tables = [];

    public string PluginId => pluginId;

    public IServiceCollection Services { get; } = new ServiceCollection();

    public PolicyContributions Policy { get; } = new();

    public Type? ScoringType { get; private set; }

    public Type? PostGradesType { get; private set; }

    public Type? PayTablesType { get; private set; }

    public IPluginBuilder BindOptions<TOptions>()
        where TOptions : class, new()
    {
        var value = section.Get<TOptions>() ?? new TOptions();
        Services.AddSingleton<IOptions<TOptions>>(Options.Create(value));
        return this;
    }

    public IPluginBuilder AddCriterion<TCriterion>()
        where TCriterion : class, ICriterion
    {
        Services.AddSingleton<TCriterion>();
        _criteria.Add(typeof(TCriterion));
        return this;
    }

    public IPluginBuilder AddExtraTable(ExtraTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _tables.Add(table);
        return this;
    }

    public IPluginBuilder UseScoring<TScoring>()
        where TScoring : class, IAchievementScoring
    {
        Services.AddSingleton<TScoring>();
        ScoringType = typeof(TScoring);
        return this;
    }

    public IPluginBuilder UsePostGrades<TMap>()
        where TMap : class, IPostGradeMap
    {
        Services.AddSingleton<TMap>();
        PostGradesType = typeof(TMap);
        return this;
    }

    public IPluginBuilder UsePayTables<TTables>()
        where TTables : class, IPayTables
    {
        Services.AddSingleton<TTables>();
        PayTablesType = typeof(TTables);
        return this;
    }

    public IPluginBuilder UseTemplate(DocumentKind kind, DocumentFormat format, string relativePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relativePath);
        _templates.Add(new TemplateOverride(kind, format, Path.GetFullPath(Path.Combine(folder, relativePath)), pluginId, folder));
        return this;
    }

    public IPluginBuilder AddTemplateFunction(string name, Delegate function)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(function);
        _functions[name] = function;
        return this;
    }

    public IPluginBuilder MapOccupation(string occupation, TitleSeries series, string specialty)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(occupation);
        Policy.Occupations[occupation.Trim()] = (series, specialty ?? "");
        return this;
    }

    public IPluginBuilder AddRelatedMajors(string occupation, params string[] majors)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(occupation);
        if (!Policy.RelatedMajors.TryGetValue(occupation.Trim(), out var list))
        {
            Policy.RelatedMajors[occupation.Trim()] = list = [];
        }

        list.AddRange(majors.Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim()));
        return this;
    }

    public IPluginBuilder SetCumulativeWorkYears(string occupation, SkillLevel level, int years)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(occupation);
        ArgumentOutOfRangeException.ThrowIfNegative(years);
        if (!Policy.Years.TryGetValue(occupation.Trim(), out var table))
        {
            Policy.Years[occupation.Trim()] = table = [];
        }

        table[level] = years;
        return this;
    }

    /// <summary>Builds the plug-in's own container and resolves what it contributed.</summary>
    public PluginComposition Compose()
    {
        var provider = Services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new PluginComposition(
            provider,
            [.. _criteria.Select(t => (ICriterion)provider.GetRequiredService(t))],
            ScoringType is null ? null : (IAchievementScoring)provider.GetRequiredService(ScoringType),
            PostGradesType is null ? null : (IPostGradeMap)provider.GetRequiredService(PostGradesType),
            PayTablesType is null ? null : (IPayTables)provider.GetRequiredService(PayTablesType),
            _templates,
            _functions,
            Policy)
        {
            ExtraTables = _tables,
        };
    }
}
