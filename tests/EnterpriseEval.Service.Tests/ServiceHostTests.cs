using System.Net;
using System.Text.Json;
using EnterpriseEval.Host.Cli;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace EnterpriseEval.Service.Tests;

/// <summary><c>eeval serve</c> itself, the OpenAPI document and reference page, errors nobody foresaw, the demo data.</summary>
public sealed class ServiceHostTests
{
    [Fact]
    public async Task Eeval_serve_listens_on_loopback_answers_health_and_stops_on_cancellation()
    {
        using var folder = new TempFolder();
        using var serve = await InProcessServe.StartAsync(folder, ["--store", Path.Combine(folder.Path, "review.db")]);

        using var client = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(serve.Address + "/health")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(serve.Address + "/api/v1/batches")).StatusCode);
        Assert.Equal(0, await serve.StopAsync());
        Assert.Contains("还没有任何账户", serve.Output);
    }

    [Fact]
    public async Task The_help_of_eeval_serve_is_in_chinese_and_names_its_options()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(output) });
        console.Profile.Width = 200;

        await EevalApp.RunAsync(["serve", "--help"], console);

        var help = output.ToString();
        foreach (var option in new[] { "--urls", "--port", "--store", "--plugins", "--config", "--demo" })
        {
            Assert.Contains(option, help);
        }

        Assert.Contains("演示数据", help);
    }

    [Theory]
    [InlineData("--port|5080|--urls|http://localhost:5081", "只能用其一")]
    [InlineData("--port|70000", "0–65535")]
    [InlineData("--urls|ftp://localhost:21", "地址")]
    public async Task Eeval_serve_refuses_bad_listening_options_in_chinese(string args, string expected)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(output) });
        console.Profile.Width = 200;

        var code = await EevalApp.RunAsync(["serve", .. args.Split('|')], console);

        Assert.NotEqual(0, code);
        Assert.Contains(expected, output.ToString());
    }

    [Fact]
    public async Task An_unforeseen_exception_is_a_chinese_generic_problem_without_its_details()
    {
        await using var service = await TestService.StartAsync(map: app =>
            app.MapGet("/api/v1/test-boom", (HttpContext _) => throw new InvalidOperationException("secret internal detail")).RequireAuthorization(Policies.Hr));

        var answer = await service.GetAsync("/api/v1/test-boom", Roles.Hr);

        var text = await answer.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, answer.StatusCode);
        Assert.DoesNotContain("secret internal detail", text);
        Assert.DoesNotContain("InvalidOperationException", text);
        var problem = JsonSerializer.Deserialize<JsonElement>(text);
        Assert.Equal("服务器内部错误", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api_v1_and_needs_sign_in()
    {
        await using var service = await TestService.StartAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await service.GetAsync("/openapi/v1.json", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.GetAsync("/openapi/v1.json", Roles.Employee)).StatusCode);
        var document = await service.ReadAsync<JsonElement>(await service.GetAsync("/openapi/v1.json", Roles.Hr));

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/rosters", paths);
        Assert.Contains("/api/v1/screenings/{id}/decisions", paths);
        Assert.Contains("/api/v1/batches/{name}/issue", paths);
        Assert.DoesNotContain("/health", paths);
        var responses = document.GetProperty("paths").GetProperty("/api/v1/screenings/{id}/decisions").GetProperty("get").GetProperty("responses");
        Assert.Contains("DecisionPage", responses.GetProperty("200").ToString());
        foreach (var status in new[] { "400", "401", "403", "404", "409" })
        {
            Assert.Contains("problem+json", responses.GetProperty(status).ToString());
        }
    }

    [Fact]
    public async Task The_reference_page_has_no_inline_script_and_names_nothing_outside_the_service()
    {
        await using var service = await TestService.StartAsync();

        var page = await service.GetAsync("/scalar/v1", Roles.Admin);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
        Assert.DoesNotMatch("(?:src|href)=\"(?:https?:)?//", html);
        var init = await (await service.GetAsync("/scalar/init.js", Roles.Admin)).Content.ReadAsStringAsync();
        Assert.Contains("initialize", init);
        Assert.DoesNotContain("http://", init);
        Assert.DoesNotContain("https://", init);
        Assert.Contains("script-src 'self'", string.Join(";", page.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal(HttpStatusCode.OK, (await service.GetAsync("/scalar/scalar.js", Roles.Admin)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.GetAsync("/scalar/scalar.js", Roles.Committee)).StatusCode);
    }

    [Fact]
    public async Task The_demo_seeds_an_empty_store_with_one_account_per_role_a_screening_and_a_batch_part_way_and_never_twice()
    {
        await using var service = await TestService.StartAsync(RepoPaths.Plugins("ganpower-supply"), authorisation: true);
        // The test service has its accounts already: the demo refuses that store untouched.
        var said = new List<string>();
        var demo = service.App.Services.GetRequiredService<DemoData>();
        Assert.Empty(demo.Seed(said.Add));
        Assert.Contains(said, s => s.Contains("未改动任何内容", StringComparison.Ordinal));

        await using var empty = await EmptyAsync();
        said.Clear();
        var passwords = empty.Service.App.Services.GetRequiredService<DemoData>().Seed(said.Add, RepoPaths.Sample("rosters/ganpower"));

        Assert.Equal(Roles.All.Order(), passwords.Keys.Order());
        foreach (var (user, password) in passwords)
        {
            Assert.Contains(said, s => s.Contains(password, StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.OK, (await empty.Service.SignInAsync(user, password)).Response.StatusCode);
        }

        using var store = Store.Open(empty.Service);
        var batch = Assert.Single(store.Batches());
        var steps = store.Audit(batch.Id).Select(e => e.Step).ToHashSet();
        Assert.Superset(new HashSet<string> { "new", "import", "screen", "score" }, steps);
        Assert.DoesNotContain("vote", steps);
        Assert.Single(empty.Service.App.Services.GetRequiredService<Screening.ScreeningJobs>().All);
    }

    /// <summary>A service on a new store without the test accounts, for the demo.</summary>
    private static async Task<EmptyService> EmptyAsync()
    {
        var service = await TestService.StartAsync(RepoPaths.Plugins("ganpower-supply"), authorisation: true, accounts: false);
        return new EmptyService(service);
    }

    private sealed record EmptyService(TestService Service) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Service.DisposeAsync();
    }
}
