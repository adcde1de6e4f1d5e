using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Tests.Support;

namespace EnterpriseEval.Service.Tests;

/// <summary>The endpoints the flows of the other tests pass by: each with a good and a bad call.</summary>
public sealed class EndpointCoverageTests
{
    [Fact]
    public async Task Sign_out_ends_the_cookie_session()
    {
        await using var service = await TestService.StartAsync();
        var (cookie, _) = await service.SignInAsync(Roles.Committee, TestService.Password);
        var tokenRequest = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/antiforgery");
        tokenRequest.Headers.Add("Cookie", cookie);
        var tokenResponse = await service.Client.SendAsync(tokenRequest);
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        var antiforgery = tokenResponse.Headers.GetValues("Set-Cookie").Select(v => v.Split(';')[0]).Single(v => v.StartsWith("eeval-af=", StringComparison.Ordinal));

        var signOut = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/sign-out");
        signOut.Headers.Add("Cookie", $"{cookie}; {antiforgery}");
        signOut.Headers.Add("X-XSRF-TOKEN", token);
        var answer = await service.Client.SendAsync(signOut);

        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        var cleared = answer.Headers.GetValues("Set-Cookie").Single(v => v.StartsWith(ServiceApp.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("expires=Thu, 01 Jan 1970", cleared);
    }

    [Fact]
    public async Task The_admin_lists_accounts_without_password_hashes_and_cannot_issue_a_token_for_nobody()
    {
        await using var service = await TestService.StartAsync();

        var text = await (await service.GetAsync("/api/v1/accounts", Roles.Admin)).Content.ReadAsStringAsync();
        var accounts = JsonSerializer.Deserialize<JsonElement>(text);
        Assert.Equal(Roles.All.Order(), accounts.EnumerateArray().Select(a => a.GetProperty("role").GetString()!).Order());
        Assert.DoesNotContain("AQAAAA", text);
        Assert.DoesNotContain("password", text, StringComparison.OrdinalIgnoreCase);
        var problem = await service.ReadAsync<JsonElement>(await service.PostJsonAsync("/api/v1/tokens", Roles.Admin, new { userName = "nobody" }), HttpStatusCode.BadRequest);
        Assert.Contains("nobody", problem.GetProperty("detail").GetString());
        var taken = await service.PostJsonAsync("/api/v1/accounts", Roles.Admin, new { userName = Roles.Hr, role = "hr", password = "long enough password" });
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        var short_ = await service.PostJsonAsync("/api/v1/accounts", Roles.Admin, new { userName = "h2", role = "hr", password = "short" });
        Assert.Contains("12", await short_.Content.ReadAsStringAsync());
        var role = await service.PostJsonAsync("/api/v1/accounts", Roles.Admin, new { userName = "h3", role = "boss", password = "long enough password" });
        Assert.Contains("boss", await role.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_admin_sees_the_plugins_in_use()
    {
        await using var service = await TestService.StartAsync(RepoPaths.Plugins("ganpower-supply"), authorisation: true);

        var report = await service.ReadAsync<JsonElement>(await service.GetAsync("/api/v1/plugins", Roles.Admin));

        Assert.Contains(report.GetProperty("loaded").EnumerateArray(), p => p.GetString()!.StartsWith("ganpower-supply", StringComparison.Ordinal));
        Assert.Empty(report.GetProperty("refused").EnumerateArray());
        var validation = await service.ReadAsync<JsonElement>(await service.GetAsync("/api/v1/plugins/validate", Roles.Admin));
        Assert.True(validation.GetProperty("passed").GetBoolean(), validation.ToString());
        Assert.Equal(1, validation.GetProperty("plugins").GetInt32());
    }

    [Fact]
    public async Task Validating_an_empty_plugins_folder_says_there_is_none()
    {
        await using var service = await TestService.StartAsync();

        var validation = await service.ReadAsync<JsonElement>(await service.GetAsync("/api/v1/plugins/validate", Roles.Admin));

        Assert.False(validation.GetProperty("passed").GetBoolean());
        Assert.Contains("没有插件", validation.GetProperty("problems")[0].GetString());
    }

    [Fact]
    public async Task Rosters_screenings_and_batches_are_listed()
    {
        await using var service = await TestService.StartAsync(RepoPaths.Plugins("ganpower-supply"), authorisation: true);
        var rosterId = await service.UploadRosterAsync(RepoPaths.Sample("rosters/ganpower"));
        var jobId = (await service.ScreenAsync(rosterId)).GetProperty("id").GetString();
        await service.ReadAsync<JsonElement>(
            await service.PostJsonAsync("/api/v1/batches", Roles.Hr, new { name = "b1", year = 2026, series = "engineering", levels = "assistant" }), HttpStatusCode.Created);

        var rosters = await service.ReadAsync<JsonElement>(await service.GetAsync("/api/v1/rosters", Roles.Hr));
        var jobs = await service.ReadAsync<JsonElement>(await service.GetAsync("/api/v1/screenings", Roles.Auditor));
        var batches = await service.ReadAsync<JsonElement>(await service.GetAsync("/api/v1/batches", Roles.Committee));

        Assert.Equal(rosterId, Assert.Single(rosters.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(jobId, Assert.Single(jobs.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal("b1", Assert.Single(batches.EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Batch_steps_refuse_unknown_rosters_missing_publicity_and_bad_vote_uploads_writing_nothing()
    {
        await using var service = await TestService.StartAsync(RepoPaths.Plugins("ganpower-supply"), authorisation: true);
        await service.ReadAsync<JsonElement>(
            await service.PostJsonAsync("/api/v1/batches", Roles.Hr, new { name = "b1", year = 2026, series = "engineering", levels = "assistant" }), HttpStatusCode.Created);
        using (var before = Store.Open(service))
        {
            Assert.Single(before.Audit(before.FindBatch("b1")!.Id));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await service.PostJsonAsync("/api/v1/batches/b1/screen", Roles.Hr, new { rosterId = "r0000000000000000" })).StatusCode);
        var noRoster = await service.ReadAsync<JsonElement>(await service.PostJsonAsync("/api/v1/batches/b1/screen", Roles.Hr, new { }), HttpStatusCode.BadRequest);
        Assert.Contains("花名册", noRoster.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await service.GetAsync("/api/v1/batches/b1/publicity", Roles.Employee)).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await service.PostJsonAsync("/api/v1/batches/b1/votes", Roles.Hr, new { })).StatusCode);
        var two = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes("a\n")), "f1", "a.csv" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("b\n")), "f2", "b.csv" },
        };
        Assert.Equal(HttpStatusCode.BadRequest, (await service.SendAsync(HttpMethod.Post, "/api/v1/batches/b1/votes", Roles.Hr, two)).StatusCode);
        var pdf = new ByteArrayContent([1, 2, 3]);
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await service.SendAsync(HttpMethod.Post, "/api/v1/batches/b1/votes", Roles.Hr, new MultipartFormDataContent { { pdf, "f", "votes.pdf" } })).StatusCode);
        var early = new MultipartFormDataContent { { new ByteArrayContent(File.ReadAllBytes(RepoPaths.Sample("review/votes.csv"))), "file", "votes.csv" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await service.SendAsync(HttpMethod.Post, "/api/v1/batches/b1/votes?date=2026-12-30", Roles.Hr, early)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await service.SendAsync(HttpMethod.Post, "/api/v1/batches/b1/votes?date=30.12.2026x", Roles.Hr, new MultipartFormDataContent())).StatusCode);

        using var after = Store.Open(service);
        Assert.Single(after.Audit(after.FindBatch("b1")!.Id));
        Assert.Empty(await service.ReadAsync<JsonElement[]>(await service.GetAsync("/api/v1/batches/b1/files", Roles.Hr)));
    }

    [Fact]
    public async Task Malformed_json_and_a_json_endpoint_called_with_another_content_type_are_chinese_problems()
    {
        await using var service = await TestService.StartAsync();

        var malformed = await service.SendAsync(HttpMethod.Post, "/api/v1/screenings", Roles.Hr, new StringContent("{ rosterId: ", Encoding.UTF8, "application/json"));
        var text = await service.SendAsync(HttpMethod.Post, "/api/v1/screenings", Roles.Hr, new StringContent("rosterId=x", Encoding.UTF8, "text/plain"));

        var problem = await service.ReadAsync<JsonElement>(malformed, HttpStatusCode.BadRequest);
        Assert.Equal("请求有误", problem.GetProperty("title").GetString());
        var unsupported = await service.ReadAsync<JsonElement>(text, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("不支持的内容类型", unsupported.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_notice_for_someone_without_one_is_404()
    {
        await using var service = await TestService.StartAsync();
        var id = (await service.ScreenAsync(await service.UploadRosterAsync(RepoPaths.Sample("rosters/ganpower")))).GetProperty("id").GetString()!;

        var problem = await service.ReadAsync<JsonElement>(
            await service.GetAsync($"/api/v1/screenings/{id}/notices/NOBODY?kind=screening_result_notice", Roles.Hr), HttpStatusCode.NotFound);

        Assert.Contains("NOBODY", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await service.GetAsync($"/api/v1/screenings/{id}/notices?kind=screening_result_notice&format=pdf", Roles.Hr)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await service.GetAsync($"/api/v1/screenings/{id}/notices", Roles.Hr)).StatusCode);
    }
}
