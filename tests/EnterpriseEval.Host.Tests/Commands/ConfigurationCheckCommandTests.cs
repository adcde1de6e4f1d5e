using EnterpriseEval.Host.Tests.Support;

namespace EnterpriseEval.Host.Tests.Commands;

/// <summary>
/// A configuration value that does not convert stops the command before anything runs, naming the key and the value
/// in Chinese (docs/security.md, "Configuration"): the binder alone would skip a bad entry of a dictionary silently —
/// the firm's 3 years written as 「三年」 would quietly become the project default — and call a bad scalar an internal
/// error in English.
/// </summary>
public sealed class ConfigurationCheckCommandTests
{
    [Theory]
    [InlineData("""{"EnterpriseEval": {"Policy": {"CumulativeWorkYears": {"technician": "三年"}}}}""", "EnterpriseEval:Policy:CumulativeWorkYears:technician", "三年", "整数")]
    [InlineData("""{"EnterpriseEval": {"Policy": {"CumulativeWorkYearsByOccupation": {"车工": {"technician": "3.5"}}}}}""", "EnterpriseEval:Policy:CumulativeWorkYearsByOccupation:车工:technician", "3.5", "整数")]
    [InlineData("""{"EnterpriseEval": {"Plugins": {"CriterionTimeoutMilliseconds": "abc"}}}""", "EnterpriseEval:Plugins:CriterionTimeoutMilliseconds", "abc", "整数")]
    public async Task A_value_that_does_not_convert_stops_screen_naming_key_and_value(string json, string key, string value, string expected)
    {
        using var folder = new TempFolder();
        var config = folder.File("config.json");
        File.WriteAllText(config, json);
        var output = folder.File("out");

        var run = await CliRun.Of(["screen", "--roster", Path.Combine(RepoPaths.Root, "samples", "rosters", "demo"), "--config", config, "--out", output]);

        Assert.Equal(2, run.ExitCode);
        var flat = run.Output.Replace("\n", "", StringComparison.Ordinal);
        Assert.Contains($"配置项 {key} 的值“{value}”不是{expected}", flat);
        Assert.DoesNotContain("内部错误", flat);
        Assert.False(Directory.Exists(output), "nothing is written");
    }

    [Fact]
    public async Task The_shipped_sample_configurations_pass_the_check()
    {
        foreach (var config in Directory.GetFiles(Path.Combine(RepoPaths.Root, "samples", "config"), "*.json"))
        {
            var run = await CliRun.Of(["plugins", "list", "--plugins", Path.Combine(RepoPaths.Root, "artifacts", "plugins"), "--config", config]);
            Assert.True(run.ExitCode == 0, config + "\n" + run.Output);
        }
    }
}
