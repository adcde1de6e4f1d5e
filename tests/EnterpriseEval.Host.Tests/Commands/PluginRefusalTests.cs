using EnterpriseEval.Engine.Tests.Support;
using EnterpriseEval.Host.Tests.Support;
using static EnterpriseEval.Host.Tests.Support.TestFiles;

namespace EnterpriseEval.Host.Tests.Commands;

/// <summary>
/// A refused plug-in stops <c>screen</c> and <c>notices</c> unless <c>--allow-statutory-only</c> is given
/// (docs/plugins.md, "When a plug-in is refused"): a script must notice that the firm's criteria did not run.
/// </summary>
public sealed class PluginRefusalTests
{
    private static readonly string Roster = RepoPaths.Sample("rosters/demo");

    [Fact]
    public async Task Screen_whose_only_plugin_is_refused_exits_non_zero_with_the_reason_and_writes_nothing()
    {
        using var folders = Refused();
        using var outDir = new TempFolder();

        var run = await CliRun.Of(["screen", "--roster", Roster, "--plugins", folders.Directory, "--as-of", "2026-12-31", "--out", outDir.Path]);

        Assert.NotEqual(0, run.ExitCode);
        var flat = Flat(run.Output);
        Assert.Contains(Flat("插件 broken 未加载：程序集中找不到入口类型 Fixture.Misbehaving.NoSuchPlugin"), flat);
        Assert.Contains("--allow-statutory-only", flat);
        Assert.DoesNotContain("资格筛查完成", run.Output);
        Assert.False(File.Exists(outDir.File("decisions.csv")));
    }

    [Fact]
    public async Task Screen_with_allow_statutory_only_goes_on_and_says_only_the_statutory_rules_ran()
    {
        using var folders = Refused();
        using var outDir = new TempFolder();

        var run = await CliRun.Of(
            ["screen", "--roster", Roster, "--plugins", folders.Directory, "--allow-statutory-only", "--as-of", "2026-12-31", "--out", outDir.Path]);

        Assert.True(run.ExitCode == 0, run.Output);
        var flat = Flat(run.Output);
        Assert.Contains(Flat("插件 broken 未加载"), flat);
        Assert.Contains(Flat("按 --allow-statutory-only 继续，未使用该插件"), flat);
        Assert.Contains("插件：无（仅执行法定规则）", run.Output);
        Assert.True(File.Exists(outDir.File("decisions.csv")));
    }

    [Fact]
    public async Task Notices_whose_only_plugin_is_refused_exits_non_zero_unless_allowed()
    {
        using var folders = Refused();
        using var outDir = new TempFolder();
        string[] args = ["notices", "--roster", Roster, "--plugins", folders.Directory, "--kind", "post_equivalence_notice", "--as-of", "2026-12-31"];

        var refused = await CliRun.Of([.. args, "--out", outDir.File("refused")]);
        var allowed = await CliRun.Of([.. args, "--allow-statutory-only", "--out", outDir.File("allowed")]);

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains(Flat("插件 broken 未加载"), Flat(refused.Output));
        Assert.DoesNotContain("文书生成完成", refused.Output);
        Assert.False(Directory.Exists(outDir.File("refused")));
        Assert.True(allowed.ExitCode == 0, allowed.Output);
        Assert.Contains("插件：无（仅执行法定规则，使用默认模板）", allowed.Output);
        Assert.Contains(Flat("插件 broken 未加载"), Flat(allowed.Output));
    }

    [Fact]
    public async Task A_review_step_refuses_to_run_while_a_plugin_of_the_batchs_folder_is_refused()
    {
        using var folders = new FixturePlugins();
        foreach (var file in Directory.GetFiles(ReviewSample.Plugin, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folders.Directory, "ganpower-supply", Path.GetRelativePath(ReviewSample.Plugin, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        using var dir = new TempFolder();
        string[] batch = ["--store", dir.File("review.db"), "--batch", ReviewSample.Batch];
        await CliRun.Ok(["review", "new", .. batch, "--year", "2026", "--series", "engineering", "--levels", "assistant,intermediate",
            "--plugins", folders.Directory, "--config", ReviewSample.Config, "--user", "王审核"]);
        folders.Add("broken", FixturePlugins.Misbehaving, "Fixture.Misbehaving.NoSuchPlugin");

        var run = await CliRun.Of(["review", "screen", .. batch, "--roster", ReviewSample.Roster, "--user", "王审核"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(Flat("有插件未能加载，不能继续评审：插件 broken 未加载"), Flat(run.Output));
        Assert.DoesNotContain("资格筛查完成", run.Output);
    }

    private static FixturePlugins Refused()
    {
        var folders = new FixturePlugins();
        folders.Add("broken", FixturePlugins.Misbehaving, "Fixture.Misbehaving.NoSuchPlugin");
        return folders;
    }
}
