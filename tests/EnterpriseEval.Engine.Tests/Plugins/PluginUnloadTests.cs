using System.Runtime.CompilerServices;
using EnterpriseEval.Engine.Tests.Support;

namespace EnterpriseEval.Engine.Tests.Plugins;

public sealed class PluginUnloadTests
{
    [Fact]
    public void Reloading_a_plugin_fifty_times_does_not_grow_the_number_of_loaded_plugin_assemblies()
    {
        using var folders = new FixturePlugins();
        folders.Add("json", FixturePlugins.Misbehaving, "Fixture.Misbehaving.JsonPlugin");
        var records = new[] { Employees.SeniorWorker("E1", new DateOnly(2020, 1, 1)) };
        var copies = new List<WeakReference>();

        // What --watch does on each change: a fresh load and composition, a screening, then disposal of the old set.
        ReloadAndScreen(folders.Directory, records, times: 5, copies);
        var afterWarmUp = Alive(copies);
        ReloadAndScreen(folders.Directory, records, times: 50, copies);
        var afterFifty = Alive(copies);

        Assert.Equal(55, copies.Count);
        Assert.True(afterFifty <= Math.Max(afterWarmUp, 1), $"plug-in assemblies alive: {afterWarmUp} after 5 reloads, {afterFifty} after 55");
    }

    // Each reload's plug-in assembly, held weakly: plug-ins are loaded into memory (not from their path), so the copies
    // this test loaded are told apart from those other test classes load in parallel by reference, not by location.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ReloadAndScreen(string directory, EnterpriseEval.Sdk.Model.EmployeeRecord[] records, int times, List<WeakReference> copies)
    {
        for (var i = 0; i < times; i++)
        {
            using var plugins = PluginRun.Catalog().Load(directory);
            var result = PluginRun.Screen(plugins, records, Employees.AsOf);
            Assert.Contains(result.Decisions.SelectMany(d => d.Findings), f => f.RuleId == "NEWJSON");
            var assembly = plugins.Loaded.Single().Composition.Criteria.Single().GetType().Assembly;
            Assert.Equal("Fixture.Misbehaving", assembly.GetName().Name);
            copies.Add(new WeakReference(assembly));
        }
    }

    private static int Alive(List<WeakReference> copies)
    {
        for (var i = 0; i < 10 && copies.Any(c => c.IsAlive); i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return copies.Count(c => c.IsAlive);
    }
}
