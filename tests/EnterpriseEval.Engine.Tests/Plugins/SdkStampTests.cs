using System.Diagnostics;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Engine.Tests.Support;
using EnterpriseEval.Sdk;

namespace EnterpriseEval.Engine.Tests.Plugins;

/// <summary>
/// The SDK version stamped into a plug-in at build (docs/plugin-authoring.md "Versioning and compatibility"): the
/// loader checks it against plugin.json and the host, reading metadata only.
/// </summary>
public sealed class SdkStampTests
{
    [Theory]
    [InlineData("ganjiang-heavy", "Ganjiang.HeavyMachinery.dll")]
    [InlineData("ganpower-supply", "Ganpower.PowerSupply.dll")]
    public void The_shipped_plugins_carry_the_SDK_version_they_were_built_against(string folder, string assembly)
    {
        var path = Path.Combine(Path.GetDirectoryName(FixturePlugins.Root)!, "plugins", folder, assembly);
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);

        Assert.Equal(SdkInfo.Version.ToString(3), PluginCompatibility.Stamp(pe.GetMetadataReader()));
    }

    [Fact]
    public void A_plugin_json_claiming_another_SDK_than_the_build_is_refused_naming_both()
    {
        using var folders = new FixturePlugins();
        folders.Add("claims-2", FixturePlugins.OldJson, "Fixture.OldJson.OldJsonPlugin", sdkVersion: "2.0.0");
        folders.Add("claims-same", FixturePlugins.OldJson, "Fixture.OldJson.OldJsonPlugin", sdkVersion: SdkInfo.Version.ToString(3));

        using var plugins = PluginRun.Catalog().Load(folders.Directory);

        var refused = Assert.Single(plugins.Refused);
        Assert.Equal(
            $"插件 claims-2 未加载：plugin.json 声明插件基于 SDK 2.0.0（sdkVersion），而插件 Fixture.OldJson.dll 实际基于 SDK {SdkInfo.Version.ToString(3)} 编译；请改正 sdkVersion 或重新编译插件",
            refused.Message);
        Assert.Equal("claims-same", Assert.Single(plugins.Loaded).Manifest.Id);
    }

    // A plugin.json without sdkVersion (the build fills the deployed copy from the stamp): the stamp stands for it.
    [Fact]
    public void A_plugin_json_without_sdkVersion_is_loaded_with_the_stamped_version()
    {
        using var folders = new FixturePlugins();
        folders.Add("no-version", FixturePlugins.OldJson, "Fixture.OldJson.OldJsonPlugin", sdkVersion: null);

        using var plugins = PluginRun.Catalog().Load(folders.Directory);

        Assert.Empty(plugins.Refused);
        Assert.Equal(SdkInfo.Version.ToString(3), Assert.Single(plugins.Loaded).Manifest.SdkVersion!.ToString(3));
    }

    [Fact]
    public void A_plugin_json_without_sdkVersion_and_an_assembly_without_the_stamp_is_refused()
    {
        using var folders = new FixturePlugins();
        var folder = folders.Add("neither", FixturePlugins.OldJson, "Fixture.OldJson.OldJsonPlugin", sdkVersion: null);
        Rewrite(folder, "assembly", "Newtonsoft.Json.dll");

        using var plugins = PluginRun.Catalog().Load(folders.Directory);

        Assert.Empty(plugins.Loaded);
        Assert.Equal(
            $"插件 neither 未加载：插件未带 SDK 版本标记（Newtonsoft.Json.dll），请用当前 EnterpriseEval.Sdk 包（{SdkInfo.Version}）重新编译",
            Assert.Single(plugins.Refused).Message);
    }

    [Fact]
    public void An_assembly_without_the_stamp_is_refused_with_the_rebuild_message()
    {
        using var folders = new FixturePlugins();
        var folder = folders.Add("unstamped", FixturePlugins.OldJson, "Fixture.OldJson.OldJsonPlugin");
        // Newtonsoft.Json.dll, the fixture's own dependency, was not built against the SDK: no stamp, as a plug-in built
        // before the stamp existed.
        Rewrite(folder, "assembly", "Newtonsoft.Json.dll");

        using var plugins = PluginRun.Catalog().Load(folders.Directory);

        var refused = Assert.Single(plugins.Refused);
        Assert.Equal(
            $"插件 unstamped 未加载：插件未带 SDK 版本标记（Newtonsoft.Json.dll），请用当前 EnterpriseEval.Sdk 包（{SdkInfo.Version}）重新编译",
            refused.Message);
        Assert.Empty(plugins.Loaded);
    }

    [Fact]
    public void A_plugin_built_against_another_SDK_major_than_the_host_is_refused()
    {
        var (manifest, assembly) = Fixture();

        var e = Assert.Throws<PluginLoadException>(() => PluginCompatibility.Check(manifest, assembly, new Version(2, 0, 0)));

        Assert.Equal(
            $"插件 stamped 未加载：插件 Fixture.OldJson.dll 基于 SDK {manifest.SdkVersion} 编译，本系统 SDK 为 2.0.0（须主版本相同且不高于本系统）；请用本系统的 SDK 版本重新编译插件",
            e.Message);
    }

    [Theory]
    [InlineData("1.0.0", "1.2.0")]
    [InlineData("1.3.0", "1.3.1")]
    public void A_plugin_stamped_with_a_newer_SDK_than_the_host_is_refused(string host, string stamp)
    {
        var manifest = new PluginManifest("newer", "测试插件", "测试企业", new Version(1, 0, 0), Version.Parse(stamp), "Newer.dll", "Newer.Plugin", null);

        var e = Assert.Throws<PluginLoadException>(() => PluginCompatibility.CheckStamp(manifest, "Newer.dll", stamp, Version.Parse(host)));

        Assert.Equal(
            $"插件 newer 未加载：插件 Newer.dll 基于 SDK {stamp} 编译，本系统 SDK 为 {host}（须主版本相同且不高于本系统）；请用本系统的 SDK 版本重新编译插件",
            e.Message);
    }

    [Theory]
    [InlineData("1.0.0", "1.0")]
    [InlineData("1.2.0", "1.1.0")]
    [InlineData("1.2.0", "1.2.0")]
    public void A_plugin_stamped_with_an_older_or_equal_SDK_of_the_same_major_is_accepted(string host, string stamp)
    {
        var manifest = new PluginManifest("older", "测试插件", "测试企业", new Version(1, 0, 0), Version.Parse(stamp), "Older.dll", "Older.Plugin", null);

        PluginCompatibility.CheckStamp(manifest, "Older.dll", stamp, Version.Parse(host));
    }

    [Fact]
    public void A_host_past_a_binary_break_refuses_a_plugin_stamped_before_it_with_the_rebuild_message()
    {
        // A plug-in built against SDK 1.0 (before DocumentKind became a struct) on this host, whose SDK is past the break.
        var (since, _) = PluginCompatibility.BinaryBreaks.First();
        var manifest = new PluginManifest("stamped", "测试插件", "测试企业", new Version(1, 0, 0), new Version(1, 0, 0), "Fixture.OldJson.dll", "Fixture.OldJson.OldJsonPlugin", null);
        Assert.True(SdkInfo.Version >= since, "this host's SDK is past the binary break");

        var e = Assert.Throws<PluginLoadException>(() => PluginCompatibility.CheckStamp(manifest, "Fixture.OldJson.dll", "1.0.0", SdkInfo.Version));

        Assert.Equal(
            $"插件 stamped 未加载：插件 Fixture.OldJson.dll 基于 SDK 1.0.0 编译，早于 SDK {since} 的二进制不兼容变更（DocumentKind 由枚举改为结构（docs/plugin-authoring.md “SDK 1.1”））：请用当前 EnterpriseEval.Sdk 包（{SdkInfo.Version}）重新编译",
            e.Message);
    }

    [Fact]
    public void The_current_host_loads_a_plugin_stamped_with_its_own_SDK()
    {
        var (manifest, assembly) = Fixture();

        PluginCompatibility.Check(manifest, assembly);
    }

    private static (PluginManifest Manifest, string Assembly) Fixture()
    {
        var assembly = Path.Combine(FixturePlugins.Root, FixturePlugins.OldJson, "Fixture.OldJson.dll");
        using var stream = File.OpenRead(assembly);
        using var pe = new PEReader(stream);
        var stamp = Version.Parse(PluginCompatibility.Stamp(pe.GetMetadataReader())!);
        var manifest = new PluginManifest("stamped", "测试插件", "测试企业", new Version(1, 0, 0), stamp, "Fixture.OldJson.dll", "Fixture.OldJson.OldJsonPlugin", null);
        return (manifest, assembly);
    }

    private static void Rewrite(string folder, string field, string value)
    {
        var path = Path.Combine(folder, PluginManifest.FileName);
        var manifest = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(path))!;
        var copy = manifest.ToDictionary(p => p.Key, p => (object?)p.Value);
        copy[field] = value;
        File.WriteAllText(path, JsonSerializer.Serialize(copy));
    }
}

/// <summary>
/// The build side: a plug-in project whose plugin.json names another SDK than the one it builds against fails to build.
/// Runs a real <c>dotnet build</c> (tens of seconds), so on its own.
/// </summary>
[Collection(MeasuredCollection.Name)]
public sealed class SdkStampBuildTests
{
    [Fact]
    public async Task A_plugin_whose_plugin_json_names_another_SDK_major_fails_to_build()
    {
        var repo = Path.GetDirectoryName(Path.GetDirectoryName(FixturePlugins.Root))!;
        // Under artifacts/ (ignored by git) so the repository's Directory.Build.props/.targets apply, as to plug-ins here.
        var project = Path.Combine(repo, "artifacts", "build-tests", "stamp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(project);
        try
        {
            var sdk = Path.Combine(repo, "sdk", "EnterpriseEval.Sdk", "EnterpriseEval.Sdk.csproj");
            await File.WriteAllTextAsync(Path.Combine(project, "Stamp.Probe.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <PluginId>stamp-probe</PluginId>
                    <PluginPublishRoot>{project}/out/</PluginPublishRoot>
                    <EnableDynamicLoading>true</EnableDynamicLoading>
                  </PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="{sdk}" Private="false" ExcludeAssets="runtime" />
                  </ItemGroup>
                </Project>
                """);
            await File.WriteAllTextAsync(Path.Combine(project, "Probe.cs"), "namespace Stamp.Probe; public static class Probe { }\n");
            var other = $"{SdkInfo.Version.Major + 1}.0.0";
            await File.WriteAllTextAsync(Path.Combine(project, "plugin.json"), $$"""
                { "id": "stamp-probe", "name": "探针", "enterprise": "测试企业", "version": "1.0.0",
                  "sdkVersion": "{{other}}", "assembly": "Stamp.Probe.dll", "entryType": "Stamp.Probe.Probe" }
                """);

            var start = new ProcessStartInfo("dotnet", ["build", project, "-nologo", "-v", "q", "-p:BuildProjectReferences=false"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var text = await output + await error;

            Assert.NotEqual(0, process.ExitCode);
            Assert.Contains("EEVAL002", text, StringComparison.Ordinal);
            Assert.Contains(
                $"plugin.json 的 sdkVersion 为 {other}，而本项目基于 EnterpriseEval.Sdk {SdkInfo.Version.ToString(3)} 编译",
                text,
                StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(project, "out", "stamp-probe", "Stamp.Probe.dll")), "nothing is published");
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }
}
