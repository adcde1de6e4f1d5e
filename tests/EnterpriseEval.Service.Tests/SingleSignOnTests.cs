using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EnterpriseEval.Engine;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Tests.Support;

namespace EnterpriseEval.Service.Tests;

/// <summary>
/// Single sign-on (docs/service.md, "Single sign-on"): the firm's OpenID Connect provider replaces local passwords by
/// configuration. A real provider process stands in for the firm's (its own Kestrel on 127.0.0.1); the browser's part —
/// following redirects and carrying cookies — is done step by step so each hop is checked.
/// </summary>
public sealed class SingleSignOnTests
{
    private static Dictionary<string, string?> Settings(TestIdentityProvider provider, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["EnterpriseEval:Service:OpenIdConnect:Authority"] = provider.Authority,
            ["EnterpriseEval:Service:OpenIdConnect:ClientId"] = TestIdentityProvider.ClientId,
            ["EnterpriseEval:Service:OpenIdConnect:ClientSecret"] = TestIdentityProvider.ClientSecret,
            ["EnterpriseEval:Service:OpenIdConnect:RequireHttpsMetadata"] = "false",
        };
        foreach (var (key, value) in more)
        {
            settings[$"EnterpriseEval:Service:OpenIdConnect:{key}"] = value;
        }

        return settings;
    }

    /// <summary>What a browser does from "使用统一身份认证登录" to the page it wanted: returns the last answer and the cookies it holds.</summary>
    private static async Task<(HttpResponseMessage Last, Dictionary<string, string> Cookies)> SignInThroughProviderAsync(TestService service, string returnUrl)
    {
        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);
        var start = await service.Client.GetAsync($"{SingleSignOn.StartPath}?returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Keep(start, cookies);
        var authorize = start.Headers.Location!;
        Assert.StartsWith("http://127.0.0.1:", authorize.ToString(), StringComparison.Ordinal);
        Assert.Contains("code_challenge=", authorize.Query, StringComparison.Ordinal);

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var back = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var callback = back.Headers.Location!;
        Assert.Equal(SingleSignOn.CallbackPath, callback.AbsolutePath);

        var request = new HttpRequestMessage(HttpMethod.Get, callback.PathAndQuery);
        request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        var last = await service.Client.SendAsync(request);
        Keep(last, cookies);
        return (last, cookies);
    }

    private static void Keep(HttpResponseMessage response, Dictionary<string, string> cookies)
    {
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';')[0].Split('=', 2);
            cookies[pair[0]] = pair[1];
        }
    }

    private static string Session(Dictionary<string, string> cookies) => $"{ServiceApp.CookieName}={cookies[ServiceApp.CookieName]}";

    private static async Task<JsonElement> MeAsync(TestService service, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        request.Headers.Add("Cookie", cookie);
        return await service.ReadAsync<JsonElement>(await service.Client.SendAsync(request));
    }

    [Fact]
    public async Task An_officer_signs_in_at_the_firms_provider_and_acts_under_the_providers_name_with_the_mapped_role()
    {
        await using var provider = await TestIdentityProvider.StartAsync();
        await using var service = await TestService.StartAsync(settings: Settings(provider, ("RoleMap:HR-Officers", "hr")));
        provider.NextUser = new Dictionary<string, object>
        {
            ["sub"] = "u-1001",
            ["preferred_username"] = "zhangsan",
            ["name"] = "张三",
            ["roles"] = new[] { "HR-Officers", "Everyone" },
        };

        var (last, cookies) = await SignInThroughProviderAsync(service, "/api/v1/rosters");
        Assert.Equal(HttpStatusCode.Redirect, last.StatusCode);
        Assert.Equal("/api/v1/rosters", last.Headers.Location!.OriginalString);
        Assert.Equal(0, provider.Refusals);

        var me = await MeAsync(service, Session(cookies));
        Assert.Equal("sso:zhangsan", me.GetProperty("userName").GetString());
        Assert.Equal("张三", me.GetProperty("displayName").GetString());
        Assert.Equal(Roles.Hr, me.GetProperty("role").GetString());

        // A write with the session: the anti-forgery token is still required, and the upload is recorded under the provider's name.
        var tokenRequest = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/antiforgery");
        tokenRequest.Headers.Add("Cookie", Session(cookies));
        var tokenResponse = await service.Client.SendAsync(tokenRequest);
        Keep(tokenResponse, cookies);
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        var content = new MultipartFormDataContent();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Sample("rosters/ganpower"), "*.csv"))
        {
            content.Add(new ByteArrayContent(File.ReadAllBytes(file)), "files", Path.GetFileName(file));
        }

        var upload = new HttpRequestMessage(HttpMethod.Post, "/api/v1/rosters") { Content = content };
        upload.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        upload.Headers.Add("X-XSRF-TOKEN", token);
        var uploaded = await service.ReadAsync<JsonElement>(await service.Client.SendAsync(upload), HttpStatusCode.Created);
        Assert.Equal("sso:zhangsan", uploaded.GetProperty("roster").GetProperty("uploadedBy").GetString());
    }

    [Fact]
    public async Task Local_passwords_are_refused_once_single_sign_on_replaces_them_but_API_tokens_keep_working()
    {
        await using var provider = await TestIdentityProvider.StartAsync();
        await using var service = await TestService.StartAsync(settings: Settings(provider));

        var (cookie, refused) = await service.SignInAsync(Roles.Hr, TestService.Password);
        Assert.Null(cookie);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("统一身份认证", await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await service.GetAsync("/api/v1/rosters", Roles.Hr)).StatusCode);

        // Kept on purpose: both ways in.
        await using var both = await TestService.StartAsync(settings: Settings(provider, ("LocalSignIn", "true")));
        var (kept, _) = await both.SignInAsync(Roles.Hr, TestService.Password);
        Assert.NotNull(kept);
    }

    [Theory]
    [InlineData("employee", null, "工号")]
    [InlineData("Unknown-Group", null, "没有 EnterpriseEval 的角色")]
    [InlineData("hr,auditor", null, "多个 EnterpriseEval 角色")]
    public async Task A_person_without_exactly_one_role_or_an_employee_without_a_staff_number_is_sent_back_with_the_reason(
        string roles, string? employeeId, string reason)
    {
        await using var provider = await TestIdentityProvider.StartAsync();
        await using var service = await TestService.StartAsync(settings: Settings(provider));
        var user = new Dictionary<string, object> { ["sub"] = "u-2", ["preferred_username"] = "lisi", ["roles"] = roles.Split(',') };
        if (employeeId is not null)
        {
            user["employee_id"] = employeeId;
        }

        provider.NextUser = user;
        var (last, cookies) = await SignInThroughProviderAsync(service, "/");
        Assert.Equal(HttpStatusCode.Redirect, last.StatusCode);
        var location = last.Headers.Location!.OriginalString;
        Assert.StartsWith(ServiceApp.SignInPath + "?error=", location, StringComparison.Ordinal);
        Assert.False(cookies.ContainsKey(ServiceApp.CookieName));

        // The reason is sealed in the link (not readable, not forgeable) and shown by the sign-in page.
        Assert.DoesNotContain(reason, Uri.UnescapeDataString(location), StringComparison.Ordinal);
        var page = await (await service.Client.GetAsync(location)).Content.ReadAsStringAsync();
        Assert.Contains("统一身份认证未能登录", page, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(reason), page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_employee_signed_in_by_the_provider_sees_their_own_staff_number_and_only_that()
    {
        await using var provider = await TestIdentityProvider.StartAsync();
        await using var service = await TestService.StartAsync(settings: Settings(provider));
        provider.NextUser = new Dictionary<string, object>
        {
            ["sub"] = "u-3", ["preferred_username"] = "gp0014", ["roles"] = "employee", ["employee_id"] = TestService.EmployeeId,
        };

        var (_, cookies) = await SignInThroughProviderAsync(service, "/");
        var me = await MeAsync(service, Session(cookies));
        Assert.Equal(Roles.Employee, me.GetProperty("role").GetString());
        Assert.Equal(TestService.EmployeeId, me.GetProperty("employeeId").GetString());

        var other = new HttpRequestMessage(HttpMethod.Get, "/api/v1/rosters");
        other.Headers.Add("Cookie", Session(cookies));
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client.SendAsync(other)).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_returns_to_a_local_address_only()
    {
        await using var provider = await TestIdentityProvider.StartAsync();
        await using var service = await TestService.StartAsync(settings: Settings(provider));
        provider.NextUser = new Dictionary<string, object> { ["sub"] = "u-4", ["roles"] = "auditor" };

        var (last, _) = await SignInThroughProviderAsync(service, "//evil.example.com/phish");
        Assert.Equal("/", last.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Without_single_sign_on_configured_its_start_address_says_so()
    {
        await using var service = await TestService.StartAsync();
        var answer = await service.Client.GetAsync(SingleSignOn.StartPath);
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Contains("未配置企业统一身份认证", await answer.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Authority", "http://sso.example.com", "RequireHttpsMetadata", "true", "https")]
    [InlineData("Authority", "https://sso.example.com", "ClientId", "", "ClientId")]
    [InlineData("Authority", "https://sso.example.com", "RoleMap:HR", "boss", "RoleMap")]
    public async Task A_wrong_setting_stops_the_service_with_a_message_naming_it(string key1, string value1, string key2, string value2, string named)
    {
        var settings = new Dictionary<string, string?>
        {
            ["EnterpriseEval:Service:OpenIdConnect:ClientId"] = "eeval",
            [$"EnterpriseEval:Service:OpenIdConnect:{key1}"] = value1,
            [$"EnterpriseEval:Service:OpenIdConnect:{key2}"] = value2,
        };
        var error = await Assert.ThrowsAsync<UserFacingException>(() => TestService.StartAsync(settings: settings));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
