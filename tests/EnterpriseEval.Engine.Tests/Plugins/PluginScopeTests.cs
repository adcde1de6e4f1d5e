using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Engine.Tests.Support;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Engine.Tests.Plugins;

/// <summary>
/// Issue 14, "Scope" (docs/plugins.md): a plug-in applies to the employees whose 单位代码 its <c>plugin.json</c> names,
/// a plug-in without a scope to every employee; each decision records the plug-ins that applied to its employee.
/// </summary>
public sealed class PluginScopeTests
{
    private static EmployeeRecord In(string id, string code) =>
        Employees.SeniorWorker(id, new DateOnly(2020, 1, 1)) is var r ? r with { Employee = r.Employee with { EnterpriseCode = code } } : r;

    [Fact]
    public void Each_employee_is_judged_by_the_plugins_of_its_unit_and_its_decisions_name_only_them()
    {
        using var folders = new FixturePlugins();
        folders.Add("loosen", FixturePlugins.Misbehaving, "Fixture.Misbehaving.LooseningPlugin", enterpriseCodes: ["A"]);
        folders.Add("edu", FixturePlugins.Misbehaving, "Fixture.Misbehaving.EducationPlugin", enterpriseCodes: ["B", "Ｃ"]);
        using var plugins = PluginRun.Catalog().Load(folders.Directory);
        Assert.Empty(plugins.Refused);
        var (loosen, edu) = (plugins.Loaded.Single(p => p.Manifest.Id == "loosen"), plugins.Loaded.Single(p => p.Manifest.Id == "edu"));

        var result = PluginRun.Screen(plugins, [In("A1", "A"), In("B1", "B"), In("C1", "C"), In("X1", "X"), In("N1", "")], Employees.AsOf);

        Decision Title(string id) => result.Decisions.Single(d => d.EmployeeId == id && d.Path == ScreeningPath.SkillToTitle);
        Assert.Contains(Title("A1").Findings, f => f.RuleId == "LOOSEN");
        Assert.DoesNotContain(Title("A1").Findings, f => f.Message.Contains("插件 edu", StringComparison.Ordinal));
        Assert.Equal(loosen.Provenance, Title("A1").PluginProvenance);

        // The manifest's full-width Ｃ is the roster's C, as the roster narrows the column.
        foreach (var id in new[] { "B1", "C1" })
        {
            Assert.DoesNotContain(Title(id).Findings, f => f.RuleId == "LOOSEN");
            Assert.Contains(Title(id).Findings, f => f.RuleId == "R5" && f.Message.Contains("插件 edu 的条件 EDU", StringComparison.Ordinal));
            Assert.Equal(edu.Provenance, Title(id).PluginProvenance);
        }

        // Outside every scope: the statutory rules alone, exactly as a run without plug-ins gives them.
        var statutory = PluginRun.Screen(PluginSet.Empty, [In("X1", "X"), In("N1", "")], Employees.AsOf);
        foreach (var id in new[] { "X1", "N1" })
        {
            var alone = statutory.Decisions.Where(d => d.EmployeeId == id).ToList();
            var scoped = result.Decisions.Where(d => d.EmployeeId == id).ToList();
            Assert.Equal(alone.Select(Describe), scoped.Select(Describe));
            Assert.All(scoped, d => Assert.Equal("", d.PluginProvenance));
        }
    }

    [Fact]
    public void A_plugin_without_a_scope_applies_to_every_employee_beside_the_scoped_ones()
    {
        using var folders = new FixturePlugins();
        folders.Add("edu", FixturePlugins.Misbehaving, "Fixture.Misbehaving.EducationPlugin", enterpriseCodes: ["B"]);
        folders.Add("loosen", FixturePlugins.Misbehaving, "Fixture.Misbehaving.LooseningPlugin");
        using var plugins = PluginRun.Catalog().Load(folders.Directory);
        var (loosen, edu) = (plugins.Loaded.Single(p => p.Manifest.Id == "loosen"), plugins.Loaded.Single(p => p.Manifest.Id == "edu"));

        var result = PluginRun.Screen(plugins, [In("B1", "B"), In("X1", "X")], Employees.AsOf);

        var b = result.Decisions.Single(d => d.EmployeeId == "B1" && d.Path == ScreeningPath.SkillToTitle);
        var x = result.Decisions.Single(d => d.EmployeeId == "X1" && d.Path == ScreeningPath.SkillToTitle);
        Assert.Contains(b.Findings, f => f.RuleId == "LOOSEN");
        Assert.Contains(b.Findings, f => f.Message.Contains("插件 edu", StringComparison.Ordinal));
        Assert.Contains(x.Findings, f => f.RuleId == "LOOSEN");
        Assert.DoesNotContain(x.Findings, f => f.Message.Contains("插件 edu", StringComparison.Ordinal));
        Assert.Equal($"{edu.Provenance};{loosen.Provenance}", b.PluginProvenance);
        Assert.Equal(loosen.Provenance, x.PluginProvenance);
    }

    [Fact]
    public void A_scoped_plugin_without_criteria_is_still_recorded_on_its_employees_decisions_only()
    {
        using var folders = new FixturePlugins();
        folders.Add("pay", FixturePlugins.Misbehaving, "Fixture.Misbehaving.ThrowingPayTablesPlugin", enterpriseCodes: ["A"]);
        using var plugins = PluginRun.Catalog().Load(folders.Directory);

        var result = PluginRun.Screen(plugins, [In("A1", "A"), In("X1", "X")], Employees.AsOf);

        Assert.All(result.Decisions.Where(d => d.EmployeeId == "A1"), d => Assert.Equal(plugins.Loaded[0].Provenance, d.PluginProvenance));
        Assert.All(result.Decisions.Where(d => d.EmployeeId == "X1"), d => Assert.Equal("", d.PluginProvenance));
        Assert.Contains(result.Decisions, d => d.EmployeeId == "A1");
    }

    [Fact]
    public void Plugins_are_grouped_once_by_the_employees_they_govern()
    {
        using var folders = new FixturePlugins();
        folders.Add("a", FixturePlugins.Misbehaving, "Fixture.Misbehaving.LooseningPlugin", enterpriseCodes: ["A", "AB"]);
        folders.Add("b", FixturePlugins.Misbehaving, "Fixture.Misbehaving.EducationPlugin", enterpriseCodes: ["B", "AB"]);
        folders.Add("c", FixturePlugins.Misbehaving, "Fixture.Misbehaving.ThrowingPayTablesPlugin", enterpriseCodes: ["A"]);
        using var plugins = PluginRun.Catalog().Load(folders.Directory);

        var scopes = plugins.Scopes;

        string Ids(string code) => string.Join(",", scopes.For(new Employee
        {
            EmployeeId = "E", Name = "E", HireDate = new DateOnly(2020, 1, 1), PostCategory = PostCategory.Skill, Frontline = true, EnterpriseCode = code,
        }).Loaded.Select(p => p.Manifest.Id));
        Assert.True(scopes.Scoped);
        Assert.Equal("a,c", Ids("A"));
        Assert.Equal("a,b", Ids("AB"));
        Assert.Equal("b", Ids("B"));
        Assert.Equal("", Ids("Z"));
        Assert.Equal("", Ids(""));
        Assert.Equal(4, scopes.Groups.Count); // nobody, {a,c}, {a,b}, {b}
        Assert.Same(scopes, plugins.Scopes);
    }

    private static string Describe(Decision d) =>
        $"{d.Path} {d.TargetLevelCode} {d.Outcome} {d.EarliestEligibleOn} {string.Join("|", d.Findings.Select(f => $"{f.RuleId}:{f.Kind}:{f.Message}"))}";
}
