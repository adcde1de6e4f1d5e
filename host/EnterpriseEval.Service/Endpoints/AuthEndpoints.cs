using System.Security.Claims;
using EnterpriseEval.Service.Problems;
using EnterpriseEval.Service.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace EnterpriseEval.Service.Endpoints;

/// <summary>Sign-in, sign-out, who am I, and the anti-forgery token (docs/service.md, "Authentication").</summary>
internal static class AuthEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("登录");

        auth.MapPost("/sign-in", async (SignInRequest request, Accounts accounts, SingleSignOnOptions sso, HttpContext http) =>
        {
            if (!sso.PasswordsAllowed)
            {
                throw new ApiProblem(StatusCodes.Status403Forbidden, ProblemTitles.Of(403),
                    $"本服务使用企业统一身份认证登录（{SingleSignOn.StartPath}），账户密码登录已关闭；系统对接请使用管理员签发的 API 令牌");
            }

            if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
            {
                throw ApiProblem.BadRequest("请填写用户名和密码");
            }

            var result = accounts.SignIn(request.UserName, request.Password);
            if (result.Locked)
            {
                throw new ApiProblem(StatusCodes.Status423Locked, ProblemTitles.Of(423),
                    $"连续登录失败次数过多，账户已锁定至 {result.LockedUntil!.Value.ToLocalTime():yyyy-MM-dd HH:mm}，请稍后再试或联系管理员");
            }

            if (result.Account is not { } account)
            {
                throw new ApiProblem(StatusCodes.Status401Unauthorized, ProblemTitles.Of(401), "用户名或密码不正确");
            }

            await http.SignInAsync(ServiceApp.CookieScheme, Accounts.Principal(account, ServiceApp.CookieScheme, "cookie")).ConfigureAwait(false);
            return Results.Ok(new Me(account.UserName, account.DisplayName, account.Role, Roles.Chinese(account.Role), account.EmployeeId));
        }).AllowAnonymous().WithSummary("登录：以用户名与密码换取登录 Cookie（HttpOnly、SameSite=Strict）");

        auth.MapPost("/sign-out", async (HttpContext http) =>
        {
            await http.SignOutAsync(ServiceApp.CookieScheme).ConfigureAwait(false);
            return Results.NoContent();
        }).RequireAuthorization(Policies.AnyRole).WithSummary("退出登录");

        auth.MapGet("/me", (ClaimsPrincipal user) =>
        {
            var a = Actor.Of(user);
            return Results.Ok(new Me(a.UserName, user.FindFirstValue(ClaimTypes.GivenName) ?? a.UserName, a.Role, Roles.Chinese(a.Role), a.EmployeeId));
        }).RequireAuthorization(Policies.AnyRole).WithSummary("当前账户");

        auth.MapGet("/antiforgery", (IAntiforgery antiforgery, HttpContext http) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            return Results.Ok(new AntiforgeryToken(AntiforgeryCheck.HeaderName, tokens.RequestToken!));
        }).RequireAuthorization(Policies.AnyRole).WithSummary("防伪令牌：以 Cookie 登录调用写操作时放在 X-XSRF-TOKEN 头中");
    }
}

internal sealed record SignInRequest(string? UserName, string? Password);

internal sealed record Me(string UserName, string DisplayName, string Role, string RoleName, string? EmployeeId);

internal sealed record AntiforgeryToken(string HeaderName, string Token);
