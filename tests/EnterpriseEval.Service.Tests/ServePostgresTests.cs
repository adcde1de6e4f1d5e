using System.Net;
using EnterpriseEval.Service.Tests.Support;
using EnterpriseEval.Tests.Shared;

namespace EnterpriseEval.Service.Tests;

/// <summary><c>eeval serve --store postgres:…</c> on a real PostgreSQL server (docs/store.md, docs/service.md).</summary>
[Collection(PostgresCollection.Name)]
public sealed class ServePostgresTests(PostgresServer server)
{
    [Fact]
    public async Task Serving_a_PostgreSQL_store_without_a_data_folder_says_where_the_files_go_and_how_to_set_it()
    {
        using var folder = new TempFolder();

        // The default data folder is derived from EnterpriseEval:Review:Store: kept inside the test's folder.
        using var serve = await InProcessServe.StartAsync(
            folder,
            ["--store", "postgres:" + server.CreateDatabase()],
            b => b.Configuration["EnterpriseEval:Review:Store"] = Path.Combine(folder.Path, "review.db"));

        using var client = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(serve.Address + "/health")).StatusCode);
        Assert.Equal(0, await serve.StopAsync());
        var said = serve.Output.ReplaceLineEndings("");
        Assert.Contains("评审数据库在 PostgreSQL 上，但未配置服务文件夹 EnterpriseEval:Service:DataDirectory", said);
        Assert.Contains(Path.Combine(folder.Path, "review.files"), said);
        Assert.True(Directory.Exists(Path.Combine(folder.Path, "review.files", "keys")));
    }
}
