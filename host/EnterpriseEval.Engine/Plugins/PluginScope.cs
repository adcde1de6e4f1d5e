namespace EnterpriseEval.Engine.Plugins;

/// <summary>
/// The employees a plug-in governs, declared in its <c>plugin.json</c> (<c>"scope": {"enterpriseCodes": [...]}</c>):
/// those whose 单位代码 (<c>enterprise_code</c> of <c>employees.csv</c>) is one of the codes. A plug-in without a scope
/// governs every employee (docs/plugins.md, "Scope").
/// </summary>
internal sealed class PluginScope
{
    public PluginScope(IEnumerable<string> enterpriseCodes)
    {
        EnterpriseCodes = [.. enterpriseCodes.Order(StringComparer.Ordinal)];
        Codes = new HashSet<string>(EnterpriseCodes, StringComparer.Ordinal);
    }

    /// <summary>The 单位代码 of the employees governed, sorted, as written in the manifest (full-width narrowed).</summary>
    public IReadOnlyList<string> EnterpriseCodes { get; }

    private HashSet<string> Codes { get; }

    /// <summary>Whether an employee with this 单位代码 is governed.</summary>
    public bool Contains(string enterpriseCode) => Codes.Contains(enterpriseCode);

    /// <summary>
    /// Whether two plug-ins (null = no scope, every employee) can govern the same employee: always when either has no
    /// scope, else when their codes share one.
    /// </summary>
    public static bool Overlap(PluginScope? a, PluginScope? b) => a is null || b is null || a.Codes.Overlaps(b.Codes);

    /// <summary>How <c>plugins list</c> and <c>plugins validate</c> show a scope (null = every employee).</summary>
    public static string Describe(PluginScope? scope) =>
        scope is null ? "全部员工（未声明 scope）" : $"单位代码为 {string.Join("、", scope.EnterpriseCodes)} 的员工";
}
