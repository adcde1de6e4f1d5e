using System.Runtime.CompilerServices;
using EnterpriseEval.Runtime.Tests.Support;

namespace EnterpriseEval.Runtime.Tests.Plugins;

public sealed class PluginUnloadTests
{
    [Fact]
    public void Reloading_a_plugin_fifty_times_does_not_grow_the_number_of_loaded_plugin_assemblies()
    {
        using var folders = new FixturePlugins();
        folders.Add("json", FixturePlugins.Misbehaving, "Fixture.Misbehaving.JsonPlugin");
        var records = new[] { Employees.SeniorWorker("E1", new DateOnly(2020, 1, 1)) };

        // What --watch does on each change: a fresh load and composition, a screening, then disposal of the old set.
        ReloadAndScreen(folders.Directory, records, times: 5);
        var afterWarmUp = LoadedCopies(folders.Directory);
        ReloadAndScreen(folders.Directory, records, times: 50);
        var afterFifty = LoadedCopies(folders.Directory);

        Assert.True(afterFifty <= Math.Max(afterWarmUp, 1), $"plug-in assemblies alive: {afterWarmUp} after 5 reloads, {afterFifty} after 55");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ReloadAndScreen(string directory, EnterpriseEval.Sdk.Model.EmployeeRecord[] records, int times)
    {
        for (var i = 0; i < times; i++)
        {
            using var plugins = PluginRun.Catalog().Load(directory);
            var result = PluginRun.Screen(plugins, records, Employees.AsOf);
            Assert.Contains(result.Decisions.SelectMany(d => d.Findings), f => f.RuleId == "NEWJSON");
            // The count below sees a loaded copy: a leak would show.
            Assert.True(Count(directory) >= 1);
        }
    }

    // Only the copies loaded from this test's own folder: other test classes load the same fixture in parallel.
    private static int LoadedCopies(string directory)
    {
        for (var i = 0; i < 10 && Count(directory) > 0; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return Count(directory);
    }

    private static int Count(string directory) => AppDomain.CurrentDomain.GetAssemblies().Count(a =>
        a.GetName().Name == "Fixture.Misbehaving" && !a.IsDynamic &&
        a.Location.StartsWith(directory, StringComparison.Ordinal));
}
