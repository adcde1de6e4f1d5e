using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Tests.Support;

namespace EnterpriseEval.Service.Tests;

/// <summary>Sign-in, lock-out, cookies, anti-forgery, API tokens and security headers (docs/service.md, "Authentication").</summary>
public sealed class AuthTests
{
    [Fact]
    public async Task Health_is_the_only_anonymous_answer_and_carries_the_security_headers()
    {
        await using var service = await TestService.StartAsync();

        var health = await service.Client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var csp = string.Join(";", health.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", health.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", health.Headers.GetValues("Referrer-Policy").Single());
        var me = await service.Client.GetAsync("/api/v1/auth/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        var problem = await me.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("未登录或凭据无效", problem.GetProperty("title").GetString());
        Assert.Equal("application/problem+json", me.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Sign_in_sets_a_secure_http_only_strict_cookie_that_authenticates_and_sign_out_ends_it()
    {
        await using var service = await TestService.StartAsync();

        var (cookie, response) = await service.SignInAsync(Roles.Auditor, TestService.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(v => v.StartsWith(ServiceApp.CookieName, StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", setCookie);
        Assert.Contains("secure", setCookie);
        Assert.Contains("samesite=strict", setCookie);
        var me = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        me.Headers.Add("Cookie", cookie);
        var who = await (await service.Client.SendAsync(me)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("auditor", who.GetProperty("role").GetString());
        Assert.Equal("审计", who.GetProperty("roleName").GetString());
    }

    [Fact]
    public async Task A_cookie_authenticated_write_needs_the_anti_forgery_token_and_a_token_authenticated_one_does_not()
    {
        await using var service = await TestService.StartAsync();
        var (cookie, _) = await service.SignInAsync(Roles.Hr, TestService.Password);
        var body = new { rosterId = "r0000000000000000" };

        var without = new HttpRequestMessage(HttpMethod.Post, "/api/v1/screenings") { Content = JsonContent.Create(body) };
        without.Headers.Add("Cookie", cookie);
        var refused = await service.Client.SendAsync(without);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("防伪令牌", await refused.Content.ReadAsStringAsync());

        var tokenRequest = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/antiforgery");
        tokenRequest.Headers.Add("Cookie", cookie);
        var tokenResponse = await service.Client.SendAsync(tokenRequest);
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        var antiforgeryCookie = tokenResponse.Headers.GetValues("Set-Cookie").Select(v => v.Split(';')[0]).Single(v => v.StartsWith("eeval-af=", StringComparison.Ordinal));
        var with = new HttpRequestMessage(HttpMethod.Post, "/api/v1/screenings") { Content = JsonContent.Create(body) };
        with.Headers.Add("Cookie", $"{cookie}; {antiforgeryCookie}");
        with.Headers.Add("X-XSRF-TOKEN", token);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Client.SendAsync(with)).StatusCode);

        // The same write with an API token: no anti-forgery token, and it reaches the handler (unknown roster).
        Assert.Equal(HttpStatusCode.NotFound, (await service.PostJsonAsync("/api/v1/screenings", Roles.Hr, body)).StatusCode);
    }

    [Fact]
    public async Task An_account_is_locked_after_repeated_failed_sign_ins_even_for_the_right_password()
    {
        await using var service = await TestService.StartAsync(settings: new Dictionary<string, string?> { ["EnterpriseEval:Service:LockoutThreshold"] = "3" });

        for (var i = 0; i < 2; i++)
        {
            var (_, wrong) = await service.SignInAsync(Roles.Committee, "wrong password " + i);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Contains("用户名或密码不正确", await wrong.Content.ReadAsStringAsync());
        }

        var (_, third) = await service.SignInAsync(Roles.Committee, "wrong password 3");
        Assert.Equal(HttpStatusCode.Locked, third.StatusCode);
        var (cookie, right) = await service.SignInAsync(Roles.Committee, TestService.Password);
        Assert.Null(cookie);
        Assert.Equal(HttpStatusCode.Locked, right.StatusCode);
        Assert.Contains("账户已锁定", await right.Content.ReadAsStringAsync());

        // Another account is not affected.
        Assert.Equal(HttpStatusCode.OK, (await service.SignInAsync(Roles.Auditor, TestService.Password)).Response.StatusCode);
    }

    [Fact]
    public async Task Disabling_an_account_or_resetting_its_password_ends_its_sessions_and_its_tokens_and_an_admin_unlocks_a_locked_one()
    {
        await using var service = await TestService.StartAsync(settings: new Dictionary<string, string?> { ["EnterpriseEval:Service:LockoutThreshold"] = "2" });
        var accounts = await service.ReadAsync<JsonElement>(await service.GetAsync("/api/v1/accounts", Roles.Admin));
        long Id(string user) => accounts.EnumerateArray().Single(a => a.GetProperty("userName").GetString() == user).GetProperty("id").GetInt64();
        async Task<HttpStatusCode> MeWith(string cookie)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
            request.Headers.Add("Cookie", cookie);
            return (await service.Client.SendAsync(request)).StatusCode;
        }

        var (auditor, _) = await service.SignInAsync(Roles.Auditor, TestService.Password);
        Assert.Equal(HttpStatusCode.OK, await MeWith(auditor!));
        await service.ReadAsync<JsonElement>(await service.SendAsync(HttpMethod.Put, $"/api/v1/accounts/{Id(Roles.Auditor)}", Roles.Admin, JsonContent.Create(new { disabled = true })));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeWith(auditor!));
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.GetAsync("/api/v1/auth/me", Roles.Auditor)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.SignInAsync(Roles.Auditor, TestService.Password)).Response.StatusCode);

        var (hr, _) = await service.SignInAsync(Roles.Hr, TestService.Password);
        await service.ReadAsync<JsonElement>(await service.SendAsync(HttpMethod.Put, $"/api/v1/accounts/{Id(Roles.Hr)}", Roles.Admin, JsonContent.Create(new { password = "a brand new password" })));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeWith(hr!));
        Assert.Equal(HttpStatusCode.OK, (await service.SignInAsync(Roles.Hr, "a brand new password")).Response.StatusCode);

        await service.SignInAsync(Roles.Committee, "wrong one");
        Assert.Equal(HttpStatusCode.Locked, (await service.SignInAsync(Roles.Committee, "wrong two")).Response.StatusCode);
        await service.ReadAsync<JsonElement>(await service.SendAsync(HttpMethod.Put, $"/api/v1/accounts/{Id(Roles.Committee)}", Roles.Admin, JsonContent.Create(new { })));
        Assert.Equal(HttpStatusCode.OK, (await service.SignInAsync(Roles.Committee, TestService.Password)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await service.SendAsync(HttpMethod.Put, "/api/v1/accounts/999999", Roles.Admin, JsonContent.Create(new { }))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await service.SendAsync(HttpMethod.Put, $"/api/v1/accounts/{Id(Roles.Committee)}", Roles.Admin, JsonContent.Create(new { role = "employee" }))).StatusCode);

        using var store = Store.Open(service);
        Assert.Contains(store.Audit(null), e => e.Step == "account" && e.User == Roles.Admin && e.Detail.Contains("停用", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_user_and_a_wrong_password_get_the_same_answer()
    {
        await using var service = await TestService.StartAsync();

        var (_, unknown) = await service.SignInAsync("nobody", TestService.Password);
        var (_, wrong) = await service.SignInAsync(Roles.Hr, "not the password");

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(
            JsonSerializer.Deserialize<JsonElement>(await unknown.Content.ReadAsStringAsync()).GetProperty("detail").GetString(),
            JsonSerializer.Deserialize<JsonElement>(await wrong.Content.ReadAsStringAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_admin_issues_an_api_token_that_acts_as_its_account_until_revoked_and_both_are_audited()
    {
        await using var service = await TestService.StartAsync();

        var issued = await service.ReadAsync<JsonElement>(
            await service.PostJsonAsync("/api/v1/tokens", Roles.Admin, new { userName = Roles.Auditor, name = "备案系统" }), HttpStatusCode.Created);
        var secret = issued.GetProperty("token").GetString()!;
        var id = issued.GetProperty("id").GetInt64();
        var listed = await (await service.GetAsync("/api/v1/tokens", Roles.Admin)).Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret, listed);

        Task<HttpResponseMessage> Me()
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
            request.Headers.Authorization = new("Bearer", secret);
            return service.Client.SendAsync(request);
        }

        var me = await service.ReadAsync<JsonElement>(await Me());
        Assert.Equal(Roles.Auditor, me.GetProperty("userName").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await service.SendAsync(HttpMethod.Delete, $"/api/v1/tokens/{id}", Roles.Admin)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Me()).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.SendAsync(HttpMethod.Delete, $"/api/v1/tokens/{id}", Roles.Admin)).StatusCode);

        using var store = new Workflow.Review.Store.SqliteReviewStore(service.StorePath, TimeProvider.System, () => Workflow.Review.AuditKeys.Load(
            Path.Combine(service.Folder, "audit.key")));
        var entries = store.Audit(null);
        Assert.Contains(entries, e => e.Step == "token" && e.User == Roles.Admin && e.Detail.Contains("备案系统", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Step == "token" && e.User == Roles.Admin && e.Detail.Contains($"#{id}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_token_that_was_never_issued_is_refused()
    {
        await using var service = await TestService.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        request.Headers.Authorization = new("Bearer", "eeval_" + new string('A', 43));

        var answer = await service.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
    }

    [Fact]
    public async Task Accounts_are_created_by_an_admin_with_the_role_checked_and_the_password_never_stored()
    {
        await using var service = await TestService.StartAsync();

        var bad = await service.PostJsonAsync("/api/v1/accounts", Roles.Admin, new { userName = "e2", role = "employee", password = "long enough password" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("员工账户须关联工号", await bad.Content.ReadAsStringAsync());
        var created = await service.PostJsonAsync("/api/v1/accounts", Roles.Admin, new { userName = "e2", role = "employee", employeeId = "GP0002", password = "long enough password" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.SignInAsync("e2", "long enough password")).Response.StatusCode);
        Assert.DoesNotContain("long enough password", System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(service.StorePath)));
    }
}
