using System.Net;
using System.Net.Http.Json;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EnterpriseEval.Service.Tests;

/// <summary>
/// The role matrix (docs/service.md, "Roles and endpoints"), over every endpoint in the routing table, the web app's
/// pages included: each names exactly one role policy (or is one of the three anonymous ones), refuses an anonymous
/// caller (401 for the API and the OpenAPI document, a redirect to sign-in for pages), refuses every role outside its
/// policy (403 with a token; back to sign-in with a session cookie, for pages) and admits every role inside. A new
/// endpoint or page without a policy fails here.
/// </summary>
public sealed class RoleMatrixTests
{
    private static readonly string[] Anonymous = ["/health", "/api/v1/auth/sign-in", "/signin"];

    // Scalar marks its script files anonymous; the service refuses them to anyone but an integrator all the same
    // (ScalarWithoutInlineScript), which this test proves by requests like any other endpoint.
    private const string ScalarAssets = "/scalar/";

    [Fact]
    public async Task Every_endpoint_refuses_anonymous_callers_and_roles_outside_its_policy_and_admits_the_roles_inside()
    {
        await using var service = await TestService.StartAsync();
        var endpoints = Endpoints(service);
        Assert.True(endpoints.Count >= 30, $"only {endpoints.Count} endpoints found");
        var failures = new List<string>();
        foreach (var (pattern, method, named, anonymous, multipart) in endpoints)
        {
            var url = Url(pattern);
            var policy = named;
            if (anonymous && pattern.StartsWith(ScalarAssets, StringComparison.Ordinal))
            {
                policy = Policies.Integrators;
            }
            else if (anonymous)
            {
                if (!Anonymous.Contains(pattern))
                {
                    failures.Add($"{method} {pattern} allows anonymous callers");
                }

                continue;
            }

            if (policy is null || !Policies.RolesOf.TryGetValue(policy, out var inside))
            {
                failures.Add($"{method} {pattern} names no role policy ({policy ?? "none"})");
                continue;
            }

            var anonymousAnswer = await service.Client.SendAsync(Build(service, method, url, null, multipart));
            var machine = pattern.StartsWith("/api", StringComparison.Ordinal) || pattern.StartsWith("/openapi", StringComparison.Ordinal);
            if (machine ? anonymousAnswer.StatusCode != HttpStatusCode.Unauthorized
                : anonymousAnswer.StatusCode != HttpStatusCode.Redirect || anonymousAnswer.Headers.Location?.AbsolutePath != "/signin")
            {
                failures.Add($"{method} {url} anonymous: {(int)anonymousAnswer.StatusCode}");
            }

            foreach (var role in Roles.All)
            {
                var answer = await service.Client.SendAsync(Build(service, method, url, role, multipart));
                var admitted = inside.Contains(role);
                if (admitted ? answer.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden : answer.StatusCode != HttpStatusCode.Forbidden)
                {
                    failures.Add($"{method} {url} as {role} ({(admitted ? "inside" : "outside")} {policy}): {(int)answer.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_policy_of_the_matrix_is_used_and_every_role_can_reach_something()
    {
        await using var service = await TestService.StartAsync();
        var used = Endpoints(service).Select(e => e.Policy).OfType<string>().ToHashSet();
        Assert.DoesNotContain(Policies.RolesOf.Keys, p => !used.Contains(p));
        Assert.All(Roles.All, role => Assert.Contains(used, p => Policies.RolesOf[p].Contains(role)));
    }

    [Fact]
    public async Task Every_page_sends_a_signed_in_role_outside_its_policy_to_sign_in_and_opens_for_the_roles_inside()
    {
        await using var service = await TestService.StartAsync();
        var pages = Pages(service);
        Assert.True(pages.Count >= 12, $"only {pages.Count} pages found");
        var sessions = new Dictionary<string, PageSession>(StringComparer.Ordinal);
        foreach (var role in Roles.All)
        {
            sessions[role] = await PageSession.SignInAsync(service, role);
        }

        var failures = new List<string>();
        foreach (var (pattern, policy) in pages)
        {
            if (Anonymous.Contains(pattern))
            {
                continue;
            }

            if (policy is null || !Policies.RolesOf.TryGetValue(policy, out var inside))
            {
                failures.Add($"page {pattern} names no role policy ({policy ?? "none"})");
                continue;
            }

            var url = Url(pattern);
            foreach (var role in Roles.All)
            {
                var answer = await sessions[role].GetAsync(url);
                var toSignIn = answer.StatusCode == HttpStatusCode.Redirect && IsSignIn(answer.Headers.Location);
                var admitted = inside.Contains(role);
                if (admitted ? toSignIn || answer.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden : !toSignIn)
                {
                    failures.Add($"GET {url} with a {role} session ({(admitted ? "inside" : "outside")} {policy}): {(int)answer.StatusCode} {answer.Headers.Location}");
                }

                // A form posted to the page: refused before any handler runs, to a role outside; without the
                // anti-forgery token of a form, to a role inside.
                var post = await sessions[role].SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent([new("x", "y")]) });
                var postedToSignIn = post.StatusCode == HttpStatusCode.Redirect && IsSignIn(post.Headers.Location);
                if (admitted ? post.StatusCode != HttpStatusCode.BadRequest : !postedToSignIn)
                {
                    failures.Add($"POST {url} without anti-forgery with a {role} session ({(admitted ? "inside" : "outside")} {policy}): {(int)post.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static bool IsSignIn(Uri? location) =>
        location is not null && (location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]) == "/signin";

    /// <summary>The web app's pages: their route patterns and the one policy each names.</summary>
    private static List<(string Pattern, string? Policy)> Pages(TestService service) =>
        [.. service.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null)
            .Select(e =>
            {
                var policies = e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList();
                return ("/" + e.RoutePattern.RawText!.TrimStart('/'), policies.Count == 1 ? policies[0] : policies.Count == 0 ? null : string.Join("|", policies));
            })];

    private static List<(string Pattern, string Method, string? Policy, bool Anonymous, bool Multipart)> Endpoints(TestService service)
    {
        var list = new List<(string, string, string?, bool, bool)>();
        foreach (var endpoint in service.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList();
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var multipart = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true;
            foreach (var method in methods)
            {
                list.Add((pattern, method, policies.Count == 1 ? policies[0] : policies.Count == 0 ? null : string.Join("|", policies), anonymous, multipart));
            }
        }

        return list;
    }

    /// <summary>A URL for a route pattern, with a harmless value for each parameter.</summary>
    private static string Url(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(?<name>[^}:?=]+)(?<rest>[^}]*)\}", m =>
            m.Groups["rest"].Value.Contains(":long", StringComparison.Ordinal) ? "999999"
            : m.Groups["name"].Value == "documentName" ? "v1"
            : m.Groups["name"].Value.Contains("format", StringComparison.OrdinalIgnoreCase) ? "csv"
            : "x");

    private static HttpRequestMessage Build(TestService service, string method, string url, string? role, bool multipart)
    {
        HttpContent? content = method is not ("POST" or "PUT" or "PATCH") ? null
            : multipart ? new MultipartFormDataContent { { new StringContent("x"), "note" } }
            : JsonContent.Create(new { });
        return service.Request(new HttpMethod(method), url, role, content);
    }
}
