using System.Diagnostics;
using System.Text.Json;
using EnterpriseEval.Host.Tests.Support;
using Microsoft.Data.Sqlite;

namespace EnterpriseEval.Host.Tests.Commands;

/// <summary>
/// docs/plugins.md (guardrails): a criterion that hangs is stopped by the time limit and disabled for the rest of the run.
/// <c>review screen</c> screens a batch chunk by chunk; the run is the batch's, not the chunk's, so the criterion must not
/// hang again in every chunk.
/// </summary>
public sealed class ReviewScreenSchedulerTests
{
    private const int TimeoutMs = 1500;

    [Fact]
    public async Task A_criterion_that_hangs_in_the_first_chunk_of_review_screen_is_disabled_for_the_rest_of_the_run()
    {
        using var dir = new TempFolder();
        var plugins = Directory.CreateDirectory(dir.File("plugins")).FullName;
        CopyFolder(ReviewSample.Plugin, Path.Combine(plugins, "ganpower-supply"));
        var hanger = CopyFolder(Path.Combine(RepoPaths.Root, "artifacts", "test-plugins", "fixture-misbehaving"), Path.Combine(plugins, "hanger"));
        File.WriteAllText(Path.Combine(hanger, "plugin.json"), JsonSerializer.Serialize(new
        {
            id = "hanger",
            name = "测试插件 hanger",
            enterprise = "测试企业",
            version = "1.0.0",
            sdkVersion = "1.1.0",
            assembly = "Fixture.Misbehaving.dll",
            entryType = "Fixture.Misbehaving.HangingPlugin",
        }));
        var store = dir.File("review.db");
        string[] batch = ["--store", store, "--batch", ReviewSample.Batch];
        await CliRun.Ok(["review", "new", .. batch, "--year", "2026", "--series", "engineering", "--levels", "assistant,intermediate",
            "--plugins", plugins, "--config", ReviewSample.Config, "--user", "王审核"]);

        // Chunks of three employees: the ganpower roster (32 employees) is screened in eleven chunks. In this process
        // (EnterpriseEval:Plugins:Isolation = InProcess): what is timed is the scheduler across chunks, not the start of a
        // plug-in worker process (docs/plugins.md, "Process isolation"), which a loaded machine can stretch to seconds.
        var watch = Stopwatch.StartNew();
        var run = await CliRun.Of(["review", "screen", .. batch, "--roster", ReviewSample.Roster, "--user", "王审核"], b =>
        {
            b.Configuration["EnterpriseEval:Review:ScreenChunkSize"] = "3";
            b.Configuration["EnterpriseEval:Plugins:CriterionTimeoutMilliseconds"] = $"{TimeoutMs}";
            b.Configuration["EnterpriseEval:Plugins:Isolation"] = "InProcess";
        });
        watch.Stop();

        Assert.True(run.ExitCode == 0, run.Output);
        // One time-out for the whole run; a scheduler per chunk waited the limit out again in each of the eleven chunks.
        Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(TimeoutMs * 4), $"review screen took {watch.Elapsed}: the criterion hung again after the first chunk");
        using var connection = new SqliteConnection($"Data Source={store};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        // The criterion applies to every path: every decision of every chunk names it as disabled after its time-out.
        command.CommandText = "SELECT COUNT(*), SUM(reasons LIKE '%插件 hanger 的条件 HANG 运行超时，本次筛查中已停用%'), COUNT(DISTINCT employee_index) FROM decisions";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.True(reader.GetInt64(2) > 6, "decisions from more than two chunks");
        Assert.Equal(reader.GetInt64(0), reader.GetInt64(1));
    }

    private static string CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var sub in Directory.GetDirectories(from))
        {
            CopyFolder(sub, Path.Combine(to, Path.GetFileName(sub)));
        }

        return to;
    }
}
