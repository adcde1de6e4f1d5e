using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Engine.Tests.Support;

namespace EnterpriseEval.Engine.Tests.Plugins;

public sealed class PluginCatalogTests
{
    [Fact]
    public void Two_plugins_using_different_versions_of_the_same_library_each_get_their_own()
    {
        using var folders = new FixturePlugins();
        folders.Add("new-json", FixturePlugins.Misbehaving, "Fixture.Misbehaving.JsonPlugin");
        folders.Add("old-json", FixturePlugins.OldJson, "Fixture.OldJson.OldJsonPlugin");

        using var plugins = PluginRun.Catalog().Load(folders.Directory);
        var result = PluginRun.Screen(plugins, [Employees.SeniorWorker("E1", new DateOnly(2020, 1, 1))], Employees.AsOf);

        Assert.Empty(plugins.Refused);
        var messages = result.Decisions.SelectMany(d => d.Findings).Select(f => f.Message).ToList();
        Assert.Contains(messages, m => m.Contains("Newtonsoft.Json 13.0.0.0 序列化 \"E1\"", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("Newtonsoft.Json 12.0.0.0 序列化 \"E1\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_plugin_built_against_newer_extensions_is_refused_by_name_while_the_others_load()
    {
        using var folders = new FixturePlugins();
        folders.Add("newer", FixturePlugins.NewerExtensions, "Fixture.NewerExtensions.NewerExtensionsPlugin");
        folders.Add("old-json", FixturePlugins.OldJson, "Fixture.OldJson.OldJsonPlugin");

        using var plugins = PluginRun.Catalog().Load(folders.Directory);

        var refused = Assert.Single(plugins.Refused);
        Assert.Equal("插件 newer 未加载：插件引用 Microsoft.Extensions.DependencyInjection.Abstractions 11.0.0.0，高于本系统的 10.0.0.0；请将该包降到本系统的版本后重新编译插件", refused.Message);
        Assert.Equal("old-json", Assert.Single(plugins.Loaded).Manifest.Id);
    }

    [Fact]
    public void A_plugin_built_for_a_newer_SDK_is_refused_with_both_versions_named()
    {
        using var folders = new FixturePlugins();
        folders.Add("future", FixturePlugins.OldJson, "Fixture.OldJson.OldJsonPlugin", sdkVersion: "2.0.0");

        using var plugins = PluginRun.Catalog().Load(folders.Directory);

        var refused = Assert.Single(plugins.Refused);
        Assert.Contains("插件 future 未加载", refused.Message);
        Assert.Contains("SDK 2.0.0", refused.Message);
        Assert.Empty(plugins.Loaded);
    }

    [Fact]
    public void A_plugin_whose_constructor_throws_is_refused_with_the_error_and_the_others_load()
    {
        using var folders = new FixturePlugins();
        folders.Add("ctor", FixturePlugins.Misbehaving, "Fixture.Misbehaving.ThrowingConstructorPlugin");
        folders.Add("configure", FixturePlugins.Misbehaving, "Fixture.Misbehaving.ThrowingConfigurePlugin");
        folders.Add("fine", FixturePlugins.OldJson, "Fixture.OldJson.OldJsonPlugin");

        using var plugins = PluginRun.Catalog().Load(folders.Directory);

        Assert.Equal(
            ["插件 configure 未加载：初始化失败：InvalidOperationException: 配置缺失", "插件 ctor 未加载：初始化失败：InvalidOperationException: 许可证文件缺失"],
            plugins.Refused.Select(r => r.Message));
        Assert.Equal("fine", Assert.Single(plugins.Loaded).Manifest.Id);
    }

    [Fact]
    public void A_folder_without_a_loadable_plugin_is_refused_by_its_name()
    {
        using var folders = new FixturePlugins();
        Directory.CreateDirectory(Path.Combine(folders.Directory, "empty"));
        var broken = folders.Add("broken", FixturePlugins.OldJson, "Fixture.OldJson.OldJsonPlugin");
        File.WriteAllText(Path.Combine(broken, "Fixture.OldJson.dll"), "not an assembly");
        folders.Add("wrong-type", FixturePlugins.OldJson, "Fixture.OldJson.NoSuchPlugin");

        using var plugins = PluginRun.Catalog().Load(folders.Directory);

        Assert.Equal(
            [
                "插件 broken 未加载：Fixture.OldJson.dll 不是有效的 .NET 程序集",
                "插件 empty 未加载：缺少清单文件 plugin.json",
                "插件 wrong-type 未加载：程序集中找不到入口类型 Fixture.OldJson.NoSuchPlugin",
            ],
            plugins.Refused.Select(r => r.Message));
    }

    [Fact]
    public void With_a_lock_file_a_plugin_assembly_not_on_the_list_is_refused_and_a_listed_one_loads()
    {
        using var folders = new FixturePlugins();
        var approved = folders.Add("approved", FixturePlugins.OldJson, "Fixture.OldJson.OldJsonPlugin");
        folders.Add("unapproved", FixturePlugins.Misbehaving, "Fixture.Misbehaving.JsonPlugin");
        // The lock lists every file of the approved folder (docs/plugins.md, "plugins.lock"), not just its assemblies.
        var lines = Directory.EnumerateFiles(approved)
            .Select(file => $"{PluginLock.Sha256(file)}  approved/{Path.GetFileName(file)}");
        File.WriteAllLines(Path.Combine(folders.Directory, "plugins.lock"), lines);

        using var plugins = PluginRun.Catalog().Load(folders.Directory);

        Assert.Equal("approved", Assert.Single(plugins.Loaded).Manifest.Id);
        var refused = Assert.Single(plugins.Refused);
        Assert.StartsWith("插件 unapproved 未加载：程序集 ", refused.Message);
        Assert.EndsWith("不在插件白名单（plugins.lock）中", refused.Message);
    }

    [Fact]
    public void Every_decision_records_each_plugins_id_version_and_assembly_hash()
    {
        using var folders = new FixturePlugins();
        var folder = folders.Add("old-json", FixturePlugins.OldJson, "Fixture.OldJson.OldJsonPlugin");

        using var plugins = PluginRun.Catalog().Load(folders.Directory);
        var result = PluginRun.Screen(plugins, [Employees.SeniorWorker("E1", new DateOnly(2020, 1, 1))], Employees.AsOf);

        Assert.Equal($"old-json@1.0.0#{PluginLock.Sha256(Path.Combine(folder, "Fixture.OldJson.dll"))}", result.PluginProvenance);
    }
}
