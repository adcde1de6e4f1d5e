using System.Text.Json;
using EnterpriseEval.Host.Tests.Support;
using static EnterpriseEval.Host.Tests.Support.ReviewSample;
using static EnterpriseEval.Host.Tests.Support.TestFiles;

namespace EnterpriseEval.Host.Tests.Commands;

/// <summary>
/// Issue 17: a review batch records the hash of every plug-in file and of the authorisation file at <c>review new</c>
/// and re-checks them at every step and in <c>review verify</c> (docs/plugins.md, "Review batches").
/// </summary>
public sealed class ReviewBatchFilesTests
{
    [Theory]
    [InlineData("plugin.json", "screen")]
    [InlineData("Templates/wage_notice.html.sbn", "screen")]
    [InlineData("authorisation.json", "screen")]
    [InlineData("plugin.json", "score")]
    [InlineData("authorisation.json", "vote")]
    [InlineData("Templates/_letterhead.html.sbn", "publicize")]
    public async Task A_file_edited_after_review_new_fails_the_next_step_and_verify_naming_it(string edited, string step)
    {
        using var dir = new TempFolder();
        var (store, plugins, config, authorisation) = Setup(dir);
        string[] batch = ["--store", store, "--batch", Batch, "--user", "王审核"];
        await CliRun.Ok(["review", "new", .. batch, "--year", "2026", "--series", "engineering", "--levels", "assistant,intermediate",
            "--plugins", plugins, "--config", config]);
        string[][] steps =
        [
            ["review", "screen", .. batch, "--roster", Roster],
            ["review", "score", .. batch],
            ["review", "vote", .. batch, "--file", Votes, "--date", "2026-12-30"],
            ["review", "publicize", .. batch, "--config", config, "--out", dir.File("out")],
        ];
        var before = Array.FindIndex(steps, s => s[1] == step);
        foreach (var done in steps.Take(before))
        {
            await CliRun.Ok(done);
        }

        var path = edited == "authorisation.json" ? authorisation : Path.Combine(plugins, "ganpower-supply", edited);
        if (edited == "authorisation.json")
        {
            // The authority's document is "amended" to a wider level after the batch was created.
            File.WriteAllText(path, File.ReadAllText(path).Replace("\"intermediate\"", "\"senior\"", StringComparison.Ordinal));
        }
        else
        {
            File.AppendAllText(path, "\n");
        }

        var next = await CliRun.Of(steps[before]);
        var verify = await CliRun.Of(["review", "verify", "--store", store]);

        Assert.NotEqual(0, next.ExitCode);
        Assert.Contains("所依据的文件在建立批次之后被改动，不能继续", next.Output, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(path), next.Output, StringComparison.Ordinal);
        Assert.Contains("被改动", next.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, verify.ExitCode);
        Assert.Contains("校验未通过", verify.Output, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(path), verify.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_batch_runs_on_the_hosts_authorisation_file_and_verify_passes_while_nothing_changed()
    {
        using var dir = new TempFolder();
        var (store, plugins, config, _) = Setup(dir);
        string[] batch = ["--store", store, "--batch", Batch, "--user", "王审核"];

        var created = await CliRun.Ok(["review", "new", .. batch, "--year", "2026", "--series", "engineering", "--levels", "assistant,intermediate",
            "--plugins", plugins, "--config", config]);
        await CliRun.Ok(["review", "screen", .. batch, "--roster", Roster]);

        Assert.Contains("赣人社字〔2025〕18号", created, StringComparison.Ordinal);
        Assert.Contains("校验通过", await CliRun.Ok(["review", "verify", "--store", store]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_given_another_plugins_folder_with_the_same_assemblies_but_an_edited_template_is_refused_naming_it()
    {
        using var dir = new TempFolder();
        var (store, plugins, config, _) = Setup(dir);
        string[] batch = ["--store", store, "--batch", Batch, "--user", "王审核"];
        await CliRun.Ok(["review", "new", .. batch, "--year", "2026", "--series", "engineering", "--levels", "assistant,intermediate",
            "--plugins", plugins, "--config", config]);
        var other = dir.File("other");
        CopyFolder(Path.Combine(plugins, "ganpower-supply"), Path.Combine(other, "ganpower-supply"));
        File.AppendAllText(Path.Combine(other, "ganpower-supply", "Templates", "_letterhead.html.sbn"), "<p>另一抬头</p>");

        var run = await CliRun.Of(["review", "screen", .. batch, "--roster", Roster, "--plugins", other]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("所依据的插件文件与建立批次时不同", run.Output, StringComparison.Ordinal);
        // The console wraps long lines.
        Assert.Contains("_letterhead.html.sbn 与建立批次（review new）时不同", run.Output.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_new_without_a_host_authorisation_is_refused_whatever_the_manifest_claims()
    {
        using var dir = new TempFolder();
        var (store, plugins, _, _) = Setup(dir);
        var config = dir.File("no-authorisation.json");
        File.WriteAllText(config, """{ "Plugins": { "ganpower-supply": { "PassMark": 60 } } }""");

        var run = await CliRun.Of(["review", "new", "--store", store, "--batch", Batch, "--year", "2026", "--series", "engineering",
            "--levels", "assistant,intermediate", "--plugins", plugins, "--config", config, "--user", "王审核"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("未配置本单位的自主评审授权（EnterpriseEval:Authorisation", run.Output, StringComparison.Ordinal);
    }

    // A copy of the sample plug-in (so the test may edit it) and a configuration naming an authorisation file.
    private static (string Store, string Plugins, string Config, string Authorisation) Setup(TempFolder dir)
    {
        var plugins = dir.File("plugins");
        CopyFolder(Plugin, Path.Combine(plugins, "ganpower-supply"));
        var authorisation = dir.File("authorisation.json");
        File.WriteAllText(authorisation, """
            {
              "body": "江西省人力资源和社会保障厅",
              "documentNo": "赣人社字〔2025〕18号",
              "series": [ "engineering" ],
              "highestLevel": "intermediate",
              "validFrom": "2025-01-01",
              "validUntil": "2026-12-31"
            }
            """);
        var config = dir.File("review.json");
        using (var sample = JsonDocument.Parse(File.ReadAllText(Config)))
        {
            var review = sample.RootElement.GetProperty("EnterpriseEval").GetProperty("Review").GetRawText();
            File.WriteAllText(config, $$"""
                {
                  "Plugins": { "ganpower-supply": { "PassMark": 60 } },
                  "EnterpriseEval": { "Review": {{review}}, "Authorisation": { "File": {{JsonSerializer.Serialize(authorisation)}} } }
                }
                """);
        }

        return (dir.File("review.db"), plugins, config, authorisation);
    }
}
