using System.Security.Claims;
using EnterpriseEval.Engine;
using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Service.Problems;
using EnterpriseEval.Service.Security;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Service.Endpoints;

/// <summary>Accounts, API tokens and the plug-ins in use: the admin's (docs/service.md, "Administration").</summary>
internal static class AdminEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var admin = api.MapGroup("").WithTags("管理").RequireAuthorization(Policies.Admin);

        admin.MapGet("/accounts", (Accounts accounts) =>
        {
            using var store = accounts.Open();
            return Results.Ok(store.Accounts().Select(a => new AccountItem(
                a.Id, a.UserName, a.DisplayName, a.Role, Roles.Chinese(a.Role), a.EmployeeId, a.Disabled, a.LockedUntil, a.CreatedAt)).ToList());
        }).WithSummary("账户列表");

        admin.MapPost("/accounts", (NewAccount request, Accounts accounts, ClaimsPrincipal user) =>
        {
            var a = accounts.Create(request.UserName ?? "", request.DisplayName ?? "", request.Role ?? "", request.EmployeeId, request.Password ?? "", Actor.Of(user).UserName);
            return Results.Created($"/api/v1/accounts/{a.Id}", new AccountItem(a.Id, a.UserName, a.DisplayName, a.Role, Roles.Chinese(a.Role), a.EmployeeId, a.Disabled, null, a.CreatedAt));
        }).WithSummary("建立账户（人事专员 hr、评委 committee、员工 employee（须关联工号）、审计 auditor、管理员 admin）");

        admin.MapPut("/accounts/{id:long}", (long id, AccountChange request, Accounts accounts, ClaimsPrincipal user) =>
        {
            var a = accounts.Update(id, request.DisplayName, request.Role, request.EmployeeId, request.Password, request.Disabled, Actor.Of(user).UserName);
            return Results.Ok(new AccountItem(a.Id, a.UserName, a.DisplayName, a.Role, Roles.Chinese(a.Role), a.EmployeeId, a.Disabled, null, a.CreatedAt));
        }).WithSummary("修改账户：显示名、角色（员工须关联工号）、重设密码、停用或启用；解除锁定。改变角色、密码或停用后，该账户已登录的会话立即失效");

        admin.MapGet("/tokens", (Accounts accounts) =>
        {
            using var store = accounts.Open();
            var names = store.Accounts().ToDictionary(a => a.Id, a => a.UserName);
            return Results.Ok(store.Tokens().Select(t => new TokenItem(t.Id, names.GetValueOrDefault(t.AccountId, ""), t.Name, t.CreatedAt, t.CreatedBy, t.RevokedAt)).ToList());
        }).WithSummary("API 令牌列表（不含令牌本身）");

        admin.MapPost("/tokens", (NewToken request, Accounts accounts, ClaimsPrincipal user) =>
        {
            var (token, secret) = accounts.IssueToken(request.UserName ?? "", request.Name ?? "", Actor.Of(user).UserName);
            return Results.Created($"/api/v1/tokens/{token.Id}", new IssuedToken(token.Id, request.UserName!.Trim(), token.Name, secret));
        }).WithSummary("签发 API 令牌：以某账户的身份调用 API；令牌只在此时显示一次，库中只存其哈希");

        admin.MapDelete("/tokens/{id:long}", (long id, Accounts accounts, ClaimsPrincipal user) =>
            accounts.RevokeToken(id, Actor.Of(user).UserName) ? Results.NoContent() : throw ApiProblem.NotFound($"没有编号为 {id} 的有效 API 令牌"))
            .WithSummary("吊销 API 令牌");

        admin.MapGet("/plugins", (PluginCatalog catalog, IOptions<PluginsOptions> options) => Results.Ok(Plugins(catalog, options.Value)))
            .WithSummary("使用中的插件文件夹：已加载与被拒绝的插件");

        admin.MapGet("/plugins/validate", (PluginCatalog catalog, IOptions<PluginsOptions> options) => Results.Ok(Validate(catalog, options.Value)))
            .WithSummary("校验插件（plugins validate）：逐个加载、检查清单与授权、在样例上试运行每个条件与模板");
    }

    /// <summary>The plug-ins folder in use: loaded and refused plug-ins (the API and the admin's page).</summary>
    internal static PluginsReport Plugins(PluginCatalog catalog, PluginsOptions options)
    {
        using var plugins = catalog.Load(null);
        return new PluginsReport(
            options.Directory ?? "",
            [.. plugins.Loaded.Select(p => $"{p.Manifest.Id} {p.Manifest.Version}（{p.Manifest.Enterprise}）")],
            [.. plugins.Refused.Select(e => e.Message)],
            plugins.Provenance);
    }

    /// <summary>What <c>eeval plugins validate</c> checks (docs/plugins.md, "Checking before deploying").</summary>
    internal static PluginsValidation Validate(PluginCatalog catalog, PluginsOptions options)
    {
        using var plugins = new EnginePlugins(catalog.Load(null));
        var problems = plugins.Validate(TimeSpan.FromMilliseconds(options.CriterionTimeoutMilliseconds)).ToList();
        if (plugins.Set.Loaded.Count == 0 && plugins.Set.Refused.Count == 0)
        {
            problems.Add("插件文件夹中没有插件");
        }

        return new PluginsValidation(problems.Count == 0, plugins.Set.Loaded.Count, problems);
    }
}

internal sealed record AccountItem(
    long Id, string UserName, string DisplayName, string Role, string RoleName, string? EmployeeId, bool Disabled, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt);

internal sealed record NewAccount(string? UserName, string? DisplayName, string? Role, string? EmployeeId, string? Password);

internal sealed record AccountChange(string? DisplayName, string? Role, string? EmployeeId, string? Password, bool? Disabled);

internal sealed record PluginsValidation(bool Passed, int Plugins, IReadOnlyList<string> Problems);

internal sealed record NewToken(string? UserName, string? Name);

internal sealed record IssuedToken(long Id, string UserName, string Name, string Token);

internal sealed record TokenItem(long Id, string UserName, string Name, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt);

internal sealed record PluginsReport(string Directory, IReadOnlyList<string> Loaded, IReadOnlyList<string> Refused, string Provenance);
