using EnterpriseEval.Engine.Tests.Support;
using EnterpriseEval.Host.Tests.Support;

namespace EnterpriseEval.Host.Tests.Commands;

/// <summary>
/// docs/plugins.md, "Process isolation" (issue 17): plug-in code runs in a worker process, so a plug-in that ends the
/// process, overflows its stack, throws on its own thread or in a finalizer, or hangs in Dispose ends only the worker.
/// The real <c>eeval</c> then exits non-zero with a Chinese message naming the plug-in, and the previous results stay
/// exactly as they were, with no half-written set beside them. A foreground thread a plug-in leaves running does not
/// keep a finished run alive.
/// </summary>
public sealed class ProcessIsolationTests
{
    private const string Hostile = "fixture-hostile";

    [Fact]
    public async Task A_criterion_calling_Environment_Exit_0_fails_the_run_naming_the_plugin_and_leaves_the_previous_results()
    {
        using var run = await HostileScreen("hostile-exit", "Fixture.Hostile.ExitPlugin");

        run.AssertFailed();
        Assert.Contains("插件 hostile-exit 调用了 Environment.Exit", run.Output);
        Assert.Contains("筛查未完成，结果未写出", run.Output);
        run.AssertPreviousResultsUntouched();
    }

    [Fact]
    public async Task Plugins_validate_with_a_criterion_calling_Environment_Exit_is_not_passed()
    {
        using var folders = new FixturePlugins();
        folders.Add("hostile-exit", Hostile, "Fixture.Hostile.ExitPlugin");

        var (exit, printed, _) = await EevalProcess.RunAsync(["plugins", "validate", "--plugins", folders.Directory]);
        var output = Flat(printed);

        Assert.True(exit != 0, output);
        Assert.Contains("插件 hostile-exit 调用了 Environment.Exit", output);
        Assert.DoesNotContain("校验通过", output);
    }

    /// <summary>A review step runs its plug-ins in a worker too: the step fails, and the batch's store stays sound.</summary>
    [Fact]
    public async Task Review_screen_with_a_criterion_calling_Environment_Exit_fails_the_step_naming_the_plugin()
    {
        using var folders = new FixturePlugins();
        folders.Add("hostile-exit", Hostile, "Fixture.Hostile.ExitPlugin", authorisation: FixturePlugins.Authorisation("intermediate"));
        using var dir = new TempFolder();
        string[] batch = ["--store", dir.File("review.db"), "--batch", ReviewSample.Batch];
        await CliRun.Ok(["review", "new", .. batch, "--year", "2026", "--series", "engineering", "--levels", "assistant,intermediate",
            "--plugins", folders.Directory, "--config", ReviewSample.Config, "--user", "王审核"]);

        var (exit, printed, _) = await EevalProcess.RunAsync(["review", "screen", .. batch, "--roster", ReviewSample.Roster, "--user", "王审核"]);
        var output = Flat(printed);

        Assert.True(exit == 3, output);
        Assert.Contains("插件 hostile-exit 调用了 Environment.Exit", output);
        Assert.DoesNotContain("资格筛查完成", output);
        var verify = await CliRun.Of(["review", "verify", "--store", dir.File("review.db")]);
        Assert.True(verify.ExitCode == 0, verify.Output);
    }

    [Fact]
    public async Task A_criterion_overflowing_its_stack_fails_the_run_naming_the_plugin()
    {
        using var run = await HostileScreen("hostile-overflow", "Fixture.Hostile.StackOverflowPlugin");

        run.AssertFailed();
        Assert.Contains("插件 hostile-overflow 发生栈溢出", run.Output);
        run.AssertPreviousResultsUntouched();
    }

    [Fact]
    public async Task An_unhandled_exception_on_a_plugins_own_thread_fails_the_run_naming_the_plugin()
    {
        using var run = await HostileScreen("hostile-thread", "Fixture.Hostile.ThreadThrowPlugin");

        run.AssertFailed();
        Assert.Contains("插件 hostile-thread 在其自己的线程上抛出了未处理的异常（InvalidOperationException: 插件自己的线程出错）", run.Output);
        run.AssertPreviousResultsUntouched();
    }

    [Fact]
    public async Task A_throwing_finalizer_fails_the_run_naming_the_plugin()
    {
        using var run = await HostileScreen("hostile-finalizer", "Fixture.Hostile.FinalizerPlugin");

        run.AssertFailed();
        Assert.Contains("插件 hostile-finalizer 的终结器抛出了未处理的异常", run.Output);
        run.AssertPreviousResultsUntouched();
    }

    [Fact]
    public async Task A_hanging_Dispose_ends_the_worker_and_fails_the_run_naming_the_plugin()
    {
        using var run = await HostileScreen(
            "hostile-dispose",
            "Fixture.Hostile.HangingDisposePlugin",
            new Dictionary<string, string> { ["EEVAL_EnterpriseEval__Plugins__DisposeTimeoutMilliseconds"] = "1000" });

        run.AssertFailed();
        Assert.Contains("插件 hostile-dispose 的 Dispose 超过时限", run.Output);
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(30), $"took {run.Elapsed}");
    }

    /// <summary>The run itself is honest (the thread does nothing): it completes, publishes and ends promptly.</summary>
    [Fact]
    public async Task A_foreground_thread_left_running_does_not_keep_a_finished_run_alive()
    {
        using var run = await HostileScreen("hostile-foreground", "Fixture.Hostile.ForegroundThreadPlugin");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("筛查完成", run.Output);
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(30), $"took {run.Elapsed}");
        Assert.Contains("hostile-foreground@1.0.0", await File.ReadAllTextAsync(Path.Combine(run.Out, "decisions.csv")));
    }

    /// <summary>
    /// The worker is another process, started without the host's EEVAL_ variables (an audit key path among them) and,
    /// on Linux, unable to gain privileges; the plug-in reports what it sees into its finding.
    /// </summary>
    [Fact]
    public async Task Plugin_code_runs_in_another_process_without_the_hosts_EEVAL_variables()
    {
        using var folders = new FixturePlugins();
        folders.Add("hostile-probe", Hostile, "Fixture.Hostile.ProbePlugin");
        using var outDir = new TempFolder();
        Environment.SetEnvironmentVariable("EEVAL_PROBE_SECRET", "不应被插件看到");
        string output;
        try
        {
            output = await CliRun.Ok(["screen", "--roster", RepoPaths.Sample("rosters/demo"), "--out", outDir.Path, "--plugins", folders.Directory]);
        }
        finally
        {
            Environment.SetEnvironmentVariable("EEVAL_PROBE_SECRET", null);
        }

        Assert.Contains("资格筛查完成", output);
        var decisions = await File.ReadAllTextAsync(outDir.File("decisions.json"));
        Assert.Contains("探测：EEVAL变量=[]", decisions);
        Assert.DoesNotContain($"进程={Environment.ProcessId}（", decisions);
        Assert.Contains(OperatingSystem.IsLinux() ? "NoNewPrivs=1" : "NoNewPrivs=?", decisions);
    }

    [Fact]
    public async Task An_unknown_isolation_mode_is_refused_in_chinese()
    {
        using var folders = new FixturePlugins();
        folders.Add("hostile-foreground", Hostile, "Fixture.Hostile.ForegroundThreadPlugin");
        using var outDir = new TempFolder();

        var run = await CliRun.Of(
            ["screen", "--roster", RepoPaths.Sample("rosters/demo"), "--out", outDir.Path, "--plugins", folders.Directory],
            b => b.Configuration["EnterpriseEval:Plugins:Isolation"] = "Sandbox");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("EnterpriseEval:Plugins:Isolation 的值“Sandbox”无法识别", run.Output);
    }

    /// <summary>Screens the demo roster into a folder holding a previous run's results, with one hostile plug-in.</summary>
    private static async Task<HostileRun> HostileScreen(string id, string entryType, IReadOnlyDictionary<string, string>? environment = null)
    {
        var folders = new FixturePlugins();
        folders.Add(id, Hostile, entryType);
        var root = new TempFolder();
        var output = Path.Combine(root.Path, "out");
        string[] screen = ["screen", "--roster", RepoPaths.Sample("rosters/demo"), "--as-of", "2026-12-31", "--out", output];

        // The previous results: a run without plug-ins (no plug-in code, so no worker).
        var previous = await CliRun.Of(screen);
        Assert.True(previous.ExitCode == 0, previous.Output);
        var before = await File.ReadAllBytesAsync(Path.Combine(output, "decisions.csv"));

        var (exit, text, elapsed) = await EevalProcess.RunAsync([.. screen, "--plugins", folders.Directory], environment);
        return new HostileRun(folders, root, output, before, exit, Flat(text), elapsed);
    }

    // The console wraps long lines at its width (80 columns when not a terminal): the assertions read the text unwrapped.
    private static string Flat(string output) => output.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);

    private sealed record HostileRun(FixturePlugins Folders, TempFolder Root, string Out, byte[] Before, int ExitCode, string Output, TimeSpan Elapsed)
        : IDisposable
    {
        public void AssertFailed()
        {
            Assert.True(ExitCode != 0, Output);
            Assert.DoesNotContain("筛查完成", Output);
        }

        public void AssertPreviousResultsUntouched()
        {
            Assert.Equal(Before, File.ReadAllBytes(Path.Combine(Out, "decisions.csv")));
            Assert.Empty(Directory.GetDirectories(Root.Path, ".out.eeval-staging-*"));
        }

        public void Dispose()
        {
            Folders.Dispose();
            Root.Dispose();
        }
    }
}
