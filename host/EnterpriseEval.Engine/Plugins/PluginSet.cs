using EnterpriseEval.Engine.Documents;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Engine.Plugins;

/// <summary>The plug-ins of one run: those loaded and those refused, with what they add to the policy tables.</summary>
internal sealed class PluginSet(IReadOnlyList<LoadedPlugin> loaded, IReadOnlyList<PluginLoadException> refused) : IDisposable
{
    public static PluginSet Empty { get; } = new([], []);

    public IReadOnlyList<LoadedPlugin> Loaded { get; } = loaded;

    public IReadOnlyList<PluginLoadException> Refused { get; } = refused;

    /// <summary>Every loaded plug-in as <c>id@version#sha256</c>, <c>;</c> separated: recorded with every decision.</summary>
    public string Provenance { get; } = string.Join(';', loaded.Select(p => p.Provenance));

    public IReadOnlyList<ReviewAuthorisation> Authorisations { get; } =
        [.. loaded.Select(p => p.Manifest.Authorisation).OfType<ReviewAuthorisation>()];

    /// <summary>The project defaults with every plug-in's tables added (later plug-ins win on the same key).</summary>
    public PolicyOptions ApplyTo(PolicyOptions defaults)
    {
        var merged = new PolicyOptions
        {
            CumulativeWorkYears = new(defaults.CumulativeWorkYears, StringComparer.OrdinalIgnoreCase),
            CumulativeWorkYearsByOccupation = defaults.CumulativeWorkYearsByOccupation.ToDictionary(
                kv => kv.Key, kv => new Dictionary<string, int>(kv.Value, StringComparer.OrdinalIgnoreCase), StringComparer.Ordinal),
            RelatedMajors = defaults.RelatedMajors.ToDictionary(kv => kv.Key, kv => kv.Value.ToList(), StringComparer.Ordinal),
            GreenChannelHonours = [.. defaults.GreenChannelHonours],
            OccupationSeries = new(defaults.OccupationSeries, StringComparer.Ordinal),
            DefaultSeries = defaults.DefaultSeries,
        };
        foreach (var policy in Loaded.Select(p => p.Composition.Policy))
        {
            foreach (var (occupation, (series, specialty)) in policy.Occupations)
            {
                // series/specialty, as configuration writes it (PolicyOptions.OccupationSeries).
                merged.OccupationSeries[occupation] = specialty.Length > 0 ? $"{series.ToCode()}/{specialty}" : series.ToCode();
            }

            foreach (var (occupation, majors) in policy.RelatedMajors)
            {
                if (!merged.RelatedMajors.TryGetValue(occupation, out var list))
                {
                    merged.RelatedMajors[occupation] = list = [];
                }

                list.AddRange(majors.Except(list, StringComparer.Ordinal));
            }

            foreach (var (occupation, years) in policy.Years)
            {
                if (!merged.CumulativeWorkYearsByOccupation.TryGetValue(occupation, out var table))
                {
                    merged.CumulativeWorkYearsByOccupation[occupation] = table = new(StringComparer.OrdinalIgnoreCase);
                }

                foreach (var (level, n) in years)
                {
                    table[level.ToCode()] = n;
                }
            }
        }

        return merged;
    }

    /// <summary>
    /// Loads and checks the document templates: the SDK defaults, replaced by the plug-ins' own, with every plug-in's
    /// template functions (a later plug-in wins on the same name).
    /// </summary>
    /// <exception cref="TemplateLoadException">A template has a syntax error or names what its model lacks.</exception>
    public TemplateCatalog LoadTemplates(DocumentRenderOptions? options = null)
    {
        var functions = new Dictionary<string, Delegate>(StringComparer.Ordinal);
        foreach (var (name, function) in Loaded.SelectMany(p => p.Composition.TemplateFunctions))
        {
            functions[name] = function;
        }

        return TemplateCatalog.Load(Loaded.SelectMany(p => p.Composition.Templates), functions, options);
    }

    /// <summary>The firm's internal grade for an appointment, from the first plug-in that maps it.</summary>
    public string GradeFor(EmployeeRecord record, SkillLevel appointed, TitleLevel equivalent)
    {
        foreach (var p in Loaded)
        {
            using var marked = PluginCallMarker.Enter(p.Marker);
            if (p.Composition.PostGrades?.GradeFor(record, appointed, equivalent) is { Length: > 0 } grade)
            {
                return grade;
            }
        }

        return "";
    }

    public void Dispose()
    {
        foreach (var p in Loaded)
        {
            p.Dispose();
        }
    }
}
