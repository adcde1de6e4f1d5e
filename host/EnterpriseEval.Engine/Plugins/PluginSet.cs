using EnterpriseEval.Engine.Documents;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Engine.Plugins;

/// <summary>The plug-ins of one run: those loaded and those refused, with what they add to the policy tables.</summary>
internal sealed class PluginSet(IReadOnlyList<LoadedPlugin> loaded, IReadOnlyList<PluginLoadException> refused, ReviewAuthorisation? host = null)
    : IDisposable
{
    public static PluginSet Empty { get; } = new([], []);

    private PluginScopes? _scopes;

    /// <summary>False for a group of another set's plug-ins (<see cref="Subset"/>): that set disposes them.</summary>
    private bool OwnsPlugins { get; init; } = true;

    /// <summary>
    /// The plug-ins grouped by the employees they govern (docs/plugins.md, "Scope"), worked out on first use and kept
    /// for the run.
    /// </summary>
    public PluginScopes Scopes => _scopes ??= PluginScopes.Of(this);

    /// <summary>Some of this set's plug-ins, with the same host authorisation, as a set that does not dispose them.</summary>
    public PluginSet Subset(IReadOnlyList<LoadedPlugin> plugins) => new(plugins, [], HostAuthorisation) { OwnsPlugins = false };

    public IReadOnlyList<LoadedPlugin> Loaded { get; } = loaded;

    public IReadOnlyList<PluginLoadException> Refused { get; } = refused;

    /// <summary>
    /// Every plug-in of the set as <c>id@version#sha256</c>, <c>;</c> separated: for a group of <see cref="Scopes"/>,
    /// what each decision of its employees records (docs/plugins.md, "Scope").
    /// </summary>
    public string Provenance { get; } = string.Join(';', loaded.Select(p => p.Provenance));

    /// <summary>The authorisations the plug-ins' manifests declare (each can only narrow the host's).</summary>
    public IReadOnlyList<ReviewAuthorisation> Authorisations { get; } =
        [.. loaded.Select(p => p.Manifest.Authorisation).OfType<ReviewAuthorisation>()];

    /// <summary>The extra tables every loaded plug-in declares, in load order (docs/roster.md, "Files for plug-ins").</summary>
    public IReadOnlyList<EnterpriseEval.Sdk.Tables.ExtraTable> ExtraTables { get; } = [.. loaded.SelectMany(p => p.Composition.ExtraTables)];

    /// <summary>The enterprise's review authorisation from the host's configuration (<see cref="HostAuthorisation"/>), or null.</summary>
    public ReviewAuthorisation? HostAuthorisation { get; } = host;

    /// <summary>
    /// The authorisations a title target must lie inside, all of them (intersection, never union; docs/plugins.md,
    /// "Review authorisation"): the host's, then each manifest's. When manifests declare one but the host has none,
    /// <see cref="ReviewAuthorisation.NotConfigured"/> stands for the host's: in-house review is authorised for nothing.
    /// Empty when neither the host nor any plug-in speaks of an authorisation (a statutory screening only).
    /// A configured host's comes after the manifests': a target outside both is refused with the reason naming the
    /// firm's own authorisation document, so a group's host authorisation covering several firms (docs/plugins.md,
    /// "Scope") gives each firm's employees the sentence their own firm's configuration gives.
    /// </summary>
    public IReadOnlyList<ReviewAuthorisation> InForce { get; } = host is null && !loaded.Any(p => p.Manifest.Authorisation is not null)
        ? []
        : host is null
            ? [ReviewAuthorisation.NotConfigured, .. loaded.Select(p => p.Manifest.Authorisation).OfType<ReviewAuthorisation>()]
            : [.. loaded.Select(p => p.Manifest.Authorisation).OfType<ReviewAuthorisation>(), host];

    /// <summary>
    /// One Chinese line for every manifest that claims more than the host's authorisation: the claim is narrowed to
    /// the intersection, not refused, and reported (docs/plugins.md).
    /// </summary>
    public IReadOnlyList<string> Warnings { get; } = [.. AuthorisationWarnings(loaded, host)];

    /// <summary>
    /// The project defaults with every plug-in's tables added (later plug-ins win on the same key). Screening calls it
    /// once per group of <see cref="Scopes"/>, so a plug-in's tables reach only the employees it governs.
    /// </summary>
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
        foreach (var p in Loaded)
        {
            foreach (var (name, function) in p.Composition.TemplateFunctions)
            {
                // Guarded (PluginCall): a function that throws is named, plug-in and function, in the render error.
                functions[name] = GuardedTemplateFunction.Wrap(p.Manifest.Id, name, function);
            }
        }

        return TemplateCatalog.Load(Loaded.SelectMany(p => p.Composition.Templates), functions, options);
    }

    /// <summary>The firm's internal grade for an appointment, from the first plug-in that maps it.</summary>
    public string GradeFor(EmployeeRecord record, SkillLevel appointed, TitleLevel equivalent) =>
        GradeFor(record, appointed, equivalent, null, null, out _);

    /// <summary>
    /// The firm's internal grade for an appointment, from the first plug-in that maps it, each call guarded
    /// (<see cref="PluginCall"/>): under the scheduler's watchdog when a worker slot is given (a map that hangs is
    /// disabled for the run), within each plug-in's time budget. A map that throws, hangs or is out of budget gives no
    /// grade and <paramref name="problem"/> names the plug-in and the member.
    /// </summary>
    public string GradeFor(
        EmployeeRecord record, SkillLevel appointed, TitleLevel equivalent, Screening.GuardedScheduler? scheduler, Screening.WorkerSlot? slot, out string? problem)
    {
        problem = null;
        foreach (var p in Loaded)
        {
            if (p.Composition.PostGrades is not { } map)
            {
                continue;
            }

            var id = p.Manifest.Id;
            if (scheduler?.IsDisabled(map) == true)
            {
                problem = $"插件 {id} 的 IPostGradeMap.GradeFor 运行超时，本次运行中已停用";
                return "";
            }

            using var marked = PluginCallMarker.Enter(p.Marker);
            slot?.Enter(map);
            string? grade;
            try
            {
                grade = PluginCall.Run(
                    id,
                    "IPostGradeMap.GradeFor",
                    (map, record, appointed, equivalent),
                    static s => s.map.GradeFor(s.record, s.appointed, s.equivalent),
                    null,
                    scheduler?.Budget.For(id),
                    out problem);
            }
            finally
            {
                slot?.Exit();
            }

            if (problem is not null)
            {
                return "";
            }

            if (grade is { Length: > 0 })
            {
                return grade;
            }
        }

        return "";
    }

    private static IEnumerable<string> AuthorisationWarnings(IReadOnlyList<LoadedPlugin> loaded, ReviewAuthorisation? host)
    {
        foreach (var p in loaded)
        {
            if (p.Manifest.Authorisation is not { } claimed)
            {
                continue;
            }

            if (host is null)
            {
                yield return $"插件 {p.Manifest.Id} 的清单声明了自主评审授权（{claimed.DocumentNo}），但本单位未在主机配置中设置授权（{Plugins.HostAuthorisation.SectionName}）：授权以主机配置为准，职称评审目标一律按授权范围外（out_of_scope）处理";
            }
            else if (host.Beyond(claimed) is { } beyond)
            {
                yield return $"插件 {p.Manifest.Id} 的清单声明的自主评审授权（{claimed.DocumentNo}）超出本单位配置的授权（{host.DocumentNo}）：{beyond}；已按两者的交集执行，插件不能扩大授权";
            }
        }
    }

    public void Dispose()
    {
        if (!OwnsPlugins)
        {
            return;
        }

        foreach (var p in Loaded)
        {
            p.Dispose();
        }
    }
}
