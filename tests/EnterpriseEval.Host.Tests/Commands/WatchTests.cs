using System.Text;
using EnterpriseEval.Host.Cli;
using EnterpriseEval.Host.Tests.Support;
using EnterpriseEval.Engine.Tests.Support;

namespace EnterpriseEval.Host.Tests.Commands;

public sealed class WatchTests
{
    [Fact]
    public async Task Screen_watch_reloads_a_changed_plugin_and_prints_what_changed_in_the_decisions()
    {
        using var folders = new FixturePlugins();
        var plugin = folders.Add("edu", FixturePlugins.Misbehaving, "Fixture.Misbehaving.JsonPlugin");
        using var outDir = new TempFolder();
        var output = new SyncWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var run = EevalApp.RunAsync(
            ["screen", "--roster", RepoPaths.Sample("rosters/demo"), "--as-of", "2026-12-31", "--out", outDir.Path, "--plugins", folders.Directory, "--watch"],
            CliRun.Console(output),
            cancellationToken: stop.Token);
        await WaitFor(output, "正在监视", stop.Token);

        // A rebuilt plug-in: the same folder now holds a plug-in whose criterion throws on every decision.
        var manifest = Path.Combine(plugin, "plugin.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("JsonPlugin", "ThrowingPlugin", StringComparison.Ordinal));
        await WaitFor(output, "判定结果变化", stop.Token);
        await stop.CancelAsync();
        await run;

        var text = output.ToString();
        Assert.Contains("检测到变更", text);
        Assert.Contains("~ HM0012", text);
        Assert.Contains("符合条件 → 需人工复核（PLUGIN）", text);
    }

    /// <summary>
    /// A rebuild writes a new DLL at the same path. The watch must run the new code (not the image of the old one the
    /// runtime still holds), say which decision changed, and leave decisions.csv exactly as a fresh run with the new build
    /// writes it, the plug-in's hash included.
    /// </summary>
    [Fact]
    public async Task Screen_watch_after_a_rebuild_runs_the_new_code_and_writes_what_a_fresh_run_writes()
    {
        using var folders = new FixturePlugins();
        var plugin = folders.Add("rebuilt", "fixture-rebuilt-v1", "Fixture.Rebuilt.RebuiltPlugin");
        var v2 = Path.Combine(FixturePlugins.Root, "fixture-rebuilt-v2", "Fixture.Rebuilt.dll");
        using var outDir = new TempFolder();
        using var freshDir = new TempFolder();
        var output = new SyncWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        string[] screen = ["screen", "--roster", RepoPaths.Sample("rosters/demo"), "--as-of", "2026-12-31", "--plugins", folders.Directory];

        var run = EevalApp.RunAsync([.. screen, "--out", outDir.Path, "--watch"], CliRun.Console(output), cancellationToken: stop.Token);
        await WaitFor(output, "正在监视", stop.Token);
        File.Copy(v2, Path.Combine(plugin, "Fixture.Rebuilt.dll"), overwrite: true);
        await WaitFor(output, ["判定结果变化", "判定结果无变化"], stop.Token);
        await stop.CancelAsync();
        await run;
        var fresh = await CliRun.Of([.. screen, "--out", freshDir.Path]);

        Assert.True(fresh.ExitCode == 0, fresh.Output);
        var text = output.ToString();
        Assert.True(text.Contains("~ HM0012", StringComparison.Ordinal) && text.Contains("符合条件 → 暂不符合（REBUILT）", StringComparison.Ordinal), text);
        Assert.Equal(File.ReadAllBytes(freshDir.File("decisions.csv")), File.ReadAllBytes(outDir.File("decisions.csv")));
        Assert.Contains("第二版", File.ReadAllText(outDir.File("decisions.csv")));
    }

    private static Task WaitFor(SyncWriter output, string text, CancellationToken ct) => WaitFor(output, [text], ct);

    private static async Task WaitFor(SyncWriter output, string[] texts, CancellationToken ct)
    {
        while (!texts.Any(text => output.ToString().Contains(text, StringComparison.Ordinal)))
        {
            await Task.Delay(100, ct);
        }
    }

    /// <summary>The watch loop writes from another thread while the test reads.</summary>
    private sealed class SyncWriter : StringWriter
    {
        private readonly Lock _gate = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override string ToString()
        {
            lock (_gate)
            {
                return base.ToString();
            }
        }
    }
}
