using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Plugins;

/// <summary>
/// The plug-ins of a run grouped by the employees they govern (docs/plugins.md, "Scope"), worked out once per run: one
/// group per distinct combination of plug-ins, each a <see cref="PluginSet"/> of its own (policy tables, criteria,
/// grade maps, pay tables, templates, authorisations and provenance of those plug-ins only), and a look-up from an
/// employee's 单位代码 to its group. Screening picks the group of each employee with one dictionary look-up, no
/// allocation; when no plug-in declares a scope there is one group, the whole set, and no look-up at all.
/// </summary>
internal sealed class PluginScopes
{
    private readonly Dictionary<string, int>? _byCode;

    private PluginScopes(IReadOnlyList<PluginSet> groups, Dictionary<string, int>? byCode)
    {
        Groups = groups;
        _byCode = byCode;
    }

    /// <summary>
    /// The groups; <c>Groups[0]</c> is that of employees whose 单位代码 no plug-in names (empty or unknown): the plug-ins
    /// without a scope, often none, so that such employees get the statutory rules and the default documents.
    /// </summary>
    public IReadOnlyList<PluginSet> Groups { get; }

    /// <summary>Whether any plug-in declares a scope (else <see cref="Groups"/> is the whole set alone).</summary>
    public bool Scoped => _byCode is not null;

    /// <summary>The index in <see cref="Groups"/> of the plug-ins that govern the employee.</summary>
    public int GroupOf(Employee employee) =>
        _byCode is not null && _byCode.TryGetValue(employee.EnterpriseCode, out var group) ? group : 0;

    /// <summary>The plug-ins that govern the employee.</summary>
    public PluginSet For(Employee employee) => Groups[GroupOf(employee)];

    public static PluginScopes Of(PluginSet set)
    {
        var loaded = set.Loaded;
        if (loaded.All(p => p.Manifest.Scope is null))
        {
            return new([set], null);
        }

        // Group 0: outside every scope. Then one group per code, shared by codes governed by the same plug-ins; each
        // group keeps the plug-ins in load order, so "a later plug-in wins" means within a group what it meant before.
        var groups = new List<PluginSet> { set.Subset([.. loaded.Where(p => p.Manifest.Scope is null)]) };
        var byMembers = new Dictionary<string, int>(StringComparer.Ordinal) { [Members(loaded, null)] = 0 };
        var byCode = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var code in loaded.SelectMany(p => p.Manifest.Scope?.EnterpriseCodes ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var members = Members(loaded, code);
            if (!byMembers.TryGetValue(members, out var index))
            {
                index = groups.Count;
                groups.Add(set.Subset([.. loaded.Where(p => Governs(p, code))]));
                byMembers[members] = index;
            }

            byCode[code] = index;
        }

        return new(groups, byCode);
    }

    private static bool Governs(LoadedPlugin p, string? code) =>
        p.Manifest.Scope is not { } scope || (code is not null && scope.Contains(code));

    private static string Members(IReadOnlyList<LoadedPlugin> loaded, string? code) =>
        string.Concat(loaded.Select(p => Governs(p, code) ? '1' : '0'));
}
