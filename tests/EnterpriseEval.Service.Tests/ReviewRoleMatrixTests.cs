using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EnterpriseEval.Service.Tests;

/// <summary>
/// The secret ballot's, the objections', the export's endpoints and the review pages are in the routing table with the
/// one policy each must have (docs/service.md) — so <see cref="RoleMatrixTests"/>, which proves every endpoint and page
/// against its policy, covers them with the right role sets: a member's ballot only for 评委, HR's steps only for HR,
/// the record for HR and the auditor.
/// </summary>
public sealed class ReviewRoleMatrixTests
{
    private static readonly (string Method, string Pattern, string Policy)[] Expected =
    [
        ("POST", "/api/v1/batches/{name}/ballot", Policies.Hr),
        ("GET", "/api/v1/batches/{name}/ballot", Policies.Reviewers),
        ("POST", "/api/v1/batches/{name}/ballot/votes", Policies.Committee),
        ("POST", "/api/v1/batches/{name}/ballot/close", Policies.Hr),
        ("POST", "/api/v1/batches/{name}/objections/{id:long}/resolution", Policies.Hr),
        ("GET", "/api/v1/batches/{name}/export", Policies.HrAuditor),
        ("GET", "/committee", Policies.Committee),
        ("GET", "/committee/batches/{name}", Policies.Committee),
        ("GET", "/committee/batches/{name}/ballot", Policies.Committee),
        ("GET", "/me", Policies.Employee),
        ("GET", "/me/publicity", Policies.Employee),
        ("GET", "/me/publicity/{name}", Policies.Employee),
        ("GET", "/audit", Policies.HrAuditor),
        ("GET", "/audit/batches/{name}", Policies.HrAuditor),
        ("GET", "/audit/chain", Policies.HrAuditor),
        ("GET", "/hr/batches/{name}/ballot", Policies.Hr),
        ("GET", "/hr/batches/{name}/objections", Policies.Hr),
    ];

    [Fact]
    public async Task The_ballot_objection_export_endpoints_and_the_review_pages_name_their_policies()
    {
        await using var service = await TestService.StartAsync();
        var routes = service.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (
                Method: m,
                Pattern: "/" + e.RoutePattern.RawText!.Trim('/'),
                Policies: e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList())))
            .ToList();

        foreach (var (method, pattern, policy) in Expected)
        {
            var found = routes.Where(r => r.Method == method && r.Pattern == pattern).ToList();
            Assert.True(found.Count > 0, $"{method} {pattern} is not in the routing table");
            Assert.All(found, r => Assert.Equal([policy], r.Policies));
        }

        // A member's ballot is the only thing the committee policy admits, and only 评委 hold it.
        Assert.Equal([Roles.Committee], Policies.RolesOf[Policies.Committee]);
    }
}
