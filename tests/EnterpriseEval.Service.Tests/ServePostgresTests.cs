using System.Net;
using EnterpriseEval.Host.Cli;
using EnterpriseEval.Service.Tests.Support;
using EnterpriseEval.Tests.Shared;
using Spectre.Console;

namespace EnterpriseEval.Service.Tests;

/// <summary><c>eeval serve --store postgres:…</c> on a real PostgreSQL server (docs/store.md, docs/service.md).</summary>
[Collection(PostgresCollection.Name)]
public sealed class ServePostgresTests(PostgresServer server)
{
    [Fact]
    public async Task Serving_a_PostgreSQL_store_without_a_data_folder_says_where_the_files_go_and_how_to_set_it()
    {
        using var folder = new TempFolder();
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(TextWriter.Synchronized(output)) });
        console.Profile.Width = 400;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var key = Path.Combine(folder.Path, "audit.key");
        File.WriteAllText(key, Workflow.Review.Store.AuditKey.NewText());
        var run = EevalApp.RunAsync(
            ["serve", "--port", "0", "--store", "postgres:" + server.CreateDatabase()],
            console,
            b =>
            {
                b.Configuration["EnterpriseEval:Review:AuditKeyFile"] = key;

                // Where the default data folder is derived from: kept inside the test's folder.
                b.Configuration["EnterpriseEval:Review:Store"] = Path.Combine(folder.Path, "review.db");
            },
            stop.Token);

        string? address = null;
        for (var i = 0; i < 300 && address is null && !run.IsCompleted; i++)
        {
            await Task.Delay(100);
            address = System.Text.RegularExpressions.Regex.Match(output.ToString(), @"已启动：(http://127\.0\.0\.1:\d+)") is { Success: true } m ? m.Groups[1].Value : null;
        }

        Assert.True(address is not null, output.ToString());
        using var client = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(address + "/health")).StatusCode);
        stop.Cancel();
        Assert.Equal(0, await run);
        var said = output.ToString().ReplaceLineEndings("");
        Assert.Contains("评审数据库在 PostgreSQL 上，但未配置服务文件夹 EnterpriseEval:Service:DataDirectory", said);
        Assert.Contains(Path.Combine(folder.Path, "review.files"), said);
        Assert.True(Directory.Exists(Path.Combine(folder.Path, "review.files", "keys")));
    }
}
