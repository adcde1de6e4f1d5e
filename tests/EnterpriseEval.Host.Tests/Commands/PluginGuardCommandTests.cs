using System.Text.Json;
using EnterpriseEval.Host.Tests.Support;

namespace EnterpriseEval.Host.Tests.Commands;

/// <summary>
/// Issue 17, "Calls outside the guard": a plug-in's pay tables that throw no longer end <c>notices</c> with
/// 「内部错误」; the notices they would have given are held for review, naming the plug-in and the member.
/// </summary>
public sealed class PluginGuardCommandTests
{
    [Fact]
    public async Task Pay_tables_that_throw_hold_the_notices_naming_the_plugin_and_the_member()
    {
        using var dir = new TempFolder();
        var plugin = Directory.CreateDirectory(dir.File("pay")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "artifacts", "test-plugins", "fixture-misbehaving")))
        {
            File.Copy(file, Path.Combine(plugin, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(plugin, "plugin.json"), JsonSerializer.Serialize(new
        {
            id = "pay",
            name = "测试插件 pay",
            enterprise = "测试企业",
            version = "1.0.0",
            sdkVersion = "1.1.0",
            assembly = "Fixture.Misbehaving.dll",
            entryType = "Fixture.Misbehaving.ThrowingPayTablesPlugin",
        }));

        var run = await CliRun.Of(["notices", "--roster", RepoPaths.Sample("rosters/ganjiang-heavy"), "--plugins", plugin, "--kind", "wage_notice",
            "--format", "md", "--as-of", "2026-12-31", "--out", dir.File("out")]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.DoesNotContain("内部错误", run.Output, StringComparison.Ordinal);
        Assert.Contains("插件 pay 的 IPayTables 运行出错（InvalidOperationException: 薪酬表缺失）", run.Output.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
