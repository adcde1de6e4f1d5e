using System.Diagnostics;
using System.Text;
using EnterpriseEval.Host.Tests.Support;
using EnterpriseEval.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace EnterpriseEval.Host.Tests.Commands;

/// <summary>
/// <c>eeval screen</c> on hostile rosters (issue 18; docs/security.md, Limits on input): the dimension bomb and the
/// expansion bomb stop within 5 seconds and under 500 MB, run as the real process; input errors say what is wrong
/// with the input in Chinese and are never called 内部错误.
/// </summary>
public sealed class BoundedInputCommandTests
{
    private const long MaxPeakBytes = 500L << 20;

    [Theory]
    [InlineData("dimension", "花名册.xlsx/员工：第 1048576 行 XFD 列（XFD1048576）有内容")]
    [InlineData("expansion", "花名册.xlsx 的组成部分 xl/worksheets/sheet1.xml 由")]
    public async Task A_workbook_bomb_stops_within_5_seconds_and_under_500_MB_with_a_clear_message(string bomb, string message)
    {
        using var folder = new TempFolder();
        var workbook = folder.File("花名册.xlsx");
        if (bomb == "dimension")
        {
            HostileWorkbooks.DimensionBomb(workbook);
        }
        else
        {
            HostileWorkbooks.ExpansionBomb(workbook);
        }

        // What starting eeval costs on this machine is not reading time: measured on a roster that is refused at once.
        var startup = await Run(["screen", "--roster", folder.File("无此文件.xlsx"), "--as-of", "2026-12-31", "--out", folder.File("out0")]);
        var run = await Run(["screen", "--roster", workbook, "--as-of", "2026-12-31", "--out", folder.File("out")]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Output);
        Assert.DoesNotContain("内部错误", run.Output);
        Assert.True(run.Elapsed - startup.Elapsed < TimeSpan.FromSeconds(5), $"took {run.Elapsed} (startup {startup.Elapsed})");
        Assert.InRange(run.PeakBytes, 1, MaxPeakBytes);
    }

    [Fact]
    public async Task A_csv_record_over_the_configured_line_limit_is_an_input_error_in_chinese_not_an_internal_error()
    {
        // Found: a 2 GB file stopped with 「内部错误」 and NotSupportedException … maximum supported length. The limit
        // comes from configuration (EnterpriseEval:Roster:Limits:MaxLineChars), lowered here to simulate it.
        using var folder = new TempFolder();
        var roster = Directory.CreateDirectory(folder.File("roster")).FullName;
        File.WriteAllText(
            Path.Combine(roster, "employees.csv"),
            "employee_id,name,hire_date,post_category,frontline\n" + $"E1,{new string('甲', 5_000)},2015-03-01,skill,yes\n");

        var run = await CliRun.Of(
            ["screen", "--roster", roster, "--as-of", "2026-12-31", "--out", folder.File("out")],
            builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["EnterpriseEval:Roster:Limits:MaxLineChars"] = "1000",
            }));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("错误：employees.csv 从第 2 行起的一条记录超过 1,000 个字符的上限（配置项 EnterpriseEval:Roster:Limits:MaxLineChars）", run.Output);
        Assert.DoesNotContain("内部错误", run.Output);
    }

    [Fact]
    public async Task A_fifo_in_the_roster_folder_is_refused_by_the_real_process_instead_of_hanging()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // FIFOs are a Unix matter.
        }

        using var folder = new TempFolder();
        var roster = Directory.CreateDirectory(folder.File("roster")).FullName;
        File.WriteAllText(Path.Combine(roster, "employees.csv"), "employee_id,name,hire_date,post_category,frontline\nE1,甲,2015-03-01,skill,yes\n");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [Path.Combine(roster, "职称.csv")]) { UseShellExecute = false })!)
        {
            await mkfifo.WaitForExitAsync();
        }

        var run = await Run(["screen", "--roster", roster, "--as-of", "2026-12-31", "--out", folder.File("out")]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("职称.csv 不是普通文件而是命名管道（FIFO）", run.Output);
    }

    [Fact]
    public void The_shipped_appsettings_carry_exactly_the_default_limits_and_bind_them()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepoPaths.Root, "host", "EnterpriseEval.Host", "appsettings.json"))
            .Build();
        var bound = new Engine.Roster.RosterLimits { MaxCellChars = 0, MaxLineChars = 0, MaxSheetRows = 0, MaxSheetColumns = 0, MaxSheetCells = 0, MaxPartBytes = 0, MaxExpansionRatio = 0 };
        configuration.GetSection(Engine.Roster.RosterLimits.SectionName).Bind(bound);

        Assert.Equivalent(Engine.Roster.RosterLimits.Default, bound, strict: true);
    }

    private sealed record ProcessRun(int ExitCode, string Output, TimeSpan Elapsed, long PeakBytes);

    /// <summary>Runs the real eeval, polling its peak working set; at most a minute, then it is killed and the test fails.</summary>
    private static async Task<ProcessRun> Run(string[] args)
    {
        var output = new StringBuilder();
        var clock = Stopwatch.StartNew();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "eeval.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = new Process { StartInfo = info };
        DataReceivedEventHandler collect = (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        long peak = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!process.HasExited)
        {
            try
            {
                process.Refresh();
                peak = Math.Max(peak, process.PeakWorkingSet64);
            }
            catch (InvalidOperationException)
            {
                break;
            }

            if (timeout.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"eeval {string.Join(' ', args)} did not finish within a minute");
            }

            await Task.Delay(20);
        }

        await process.WaitForExitAsync();
        clock.Stop();
        lock (output)
        {
            // The console wraps long lines at 80 columns when its output is redirected: the message is read unwrapped.
            return new ProcessRun(process.ExitCode, output.ToString().ReplaceLineEndings(""), clock.Elapsed, peak);
        }
    }
}
