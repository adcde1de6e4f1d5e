using System.Security.Claims;
using EnterpriseEval.Engine;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace EnterpriseEval.Service.Security;

/// <summary>
/// <c>EnterpriseEval:Service:OpenIdConnect</c> (docs/service.md, "Single sign-on"): the firm's own identity provider
/// signs people in instead of local passwords. Configured by <see cref="Authority"/>; absent, the service uses local
/// accounts only.
/// </summary>
internal sealed class SingleSignOnOptions
{
    public const string SectionName = "EnterpriseEval:Service:OpenIdConnect";

    /// <summary>The identity provider's issuer address (its discovery document is <c>{Authority}/.well-known/openid-configuration</c>).</summary>
    public string? Authority { get; set; }

    /// <summary>This service's client id at the provider.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret, when the provider issued one (keep it in an environment variable, not a file).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The ID-token claim carrying the person's roles (one value or an array; default <c>roles</c>).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>
    /// The provider's role values and the service role each one means (<c>hr</c>, <c>committee</c>, <c>employee</c>,
    /// <c>auditor</c>, <c>admin</c>). Empty: the provider sends the service's role codes themselves.
    /// </summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The claim carrying an employee's 工号 (required for the employee role; default <c>employee_id</c>).</summary>
    public string EmployeeIdClaim { get; set; } = "employee_id";

    /// <summary>The claim naming the person in the audit chain (default <c>preferred_username</c>, else <c>sub</c>).</summary>
    public string UserNameClaim { get; set; } = "preferred_username";

    /// <summary>The claim with the person's name as shown on the pages (default <c>name</c>).</summary>
    public string DisplayNameClaim { get; set; } = "name";

    /// <summary>Extra scopes to ask for besides <c>openid profile</c> (e.g. the one that releases the roles claim).</summary>
    public string[] Scopes { get; set; } = [];

    /// <summary>Keep password sign-in of local accounts as well (default false: single sign-on replaces it; API tokens keep working).</summary>
    public bool LocalSignIn { get; set; }

    /// <summary>Refuse a provider not on HTTPS (default true; false only for a provider on this machine).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Whether single sign-on is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>Whether a password may sign in a local account.</summary>
    public bool PasswordsAllowed => !Enabled || LocalSignIn;
}

/// <summary>The OpenID Connect sign-in (authorisation code with PKCE) and how its people become service principals.</summary>
internal static class SingleSignOn
{
    public const string SchemeName = "oidc";

    /// <summary>Where a browser starts the sign-in: <c>GET /signin/sso?returnUrl=…</c>.</summary>
    public const string StartPath = "/signin/sso";

    /// <summary>Where the provider sends the browser back (register it at the provider).</summary>
    public const string CallbackPath = "/signin-oidc";

    /// <summary>The claim marking a principal made by single sign-on, so the local-account checks leave it alone.</summary>
    public const string SourceClaim = "eeval:source";

    /// <summary>The user-name prefix of people signed in by the provider, in the audit chain and on the pages.</summary>
    public const string UserPrefix = "sso:";

    /// <summary>Reads and checks the options; throws a Chinese message naming the setting that is wrong.</summary>
    public static SingleSignOnOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(SingleSignOnOptions.SectionName).Get<SingleSignOnOptions>() ?? new SingleSignOnOptions();
        if (!options.Enabled)
        {
            return options;
        }

        var at = SingleSignOnOptions.SectionName;
        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
        {
            throw new UserFacingException($"{at}:Authority 应为身份提供方的绝对地址（如 https://sso.example.com/realms/hr），现为“{options.Authority}”");
        }

        if (authority.Scheme == "http" && options.RequireHttpsMetadata)
        {
            throw new UserFacingException($"{at}:Authority 须为 https 地址；仅当身份提供方在本机时可设 {at}:RequireHttpsMetadata=false");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            throw new UserFacingException($"已配置 {at}:Authority，但缺少 {at}:ClientId（本服务在身份提供方登记的客户端编号）");
        }

        foreach (var (from, to) in options.RoleMap)
        {
            if (!Roles.All.Contains(to, StringComparer.Ordinal))
            {
                throw new UserFacingException(
                    $"{at}:RoleMap 中“{from}”对应的角色“{to}”无法识别：应为 {string.Join("、", Roles.All.Select(r => $"{r}（{Roles.Chinese(r)}）"))}");
            }
        }

        return options;
    }

    /// <summary>Adds the OpenID Connect handler when configured; the session it opens is the service's sign-in cookie.</summary>
    public static void Add(AuthenticationBuilder authentication, SingleSignOnOptions options)
    {
        if (!options.Enabled)
        {
            return;
        }

        authentication.AddOpenIdConnect(SchemeName, "企业统一身份认证", o =>
        {
            o.Authority = options.Authority;
            o.ClientId = options.ClientId;
            o.ClientSecret = string.IsNullOrWhiteSpace(options.ClientSecret) ? null : options.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.RequireHttpsMetadata = options.RequireHttpsMetadata;
            o.CallbackPath = CallbackPath;
            o.SignInScheme = ServiceApp.CookieScheme;
            o.MapInboundClaims = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.SaveTokens = false;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            foreach (var scope in options.Scopes.Where(s => !string.IsNullOrWhiteSpace(s)))
            {
                o.Scope.Add(scope.Trim());
            }

            o.Events.OnTokenValidated = context =>
            {
                var (principal, refusal) = Principal(context.Principal!, options);
                if (principal is null)
                {
                    context.Fail(refusal!);
                }
                else
                {
                    context.Principal = principal;
                }

                return Task.CompletedTask;
            };

            // Every failure comes back to the sign-in page with a Chinese reason, never an exception page.
            // The reason travels protected (encrypted, signed, valid for minutes): the page shows only what this
            // service wrote, never text a crafted link carries.
            o.Events.OnRemoteFailure = context =>
            {
                var reason = context.Failure is RefusedSignIn refused ? refused.Message : "企业统一身份认证未完成，请重试或联系管理员";
                var sealedReason = Reasons(context.HttpContext.RequestServices).Protect(reason, TimeSpan.FromMinutes(10));
                context.Response.Redirect($"{ServiceApp.SignInPath}?error={Uri.EscapeDataString(sealedReason)}");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }

    /// <summary>
    /// The service principal of a person the provider signed in: user name <c>sso:NAME</c>, exactly one service role
    /// from the role claim through <see cref="SingleSignOnOptions.RoleMap"/>, the 工号 for an employee. Refused (with
    /// a Chinese reason) when no role or more than one maps, or an employee has no 工号.
    /// </summary>
    public static (ClaimsPrincipal? Principal, Exception? Refusal) Principal(ClaimsPrincipal provided, SingleSignOnOptions options)
    {
        var subject = provided.FindFirstValue("sub");
        var name = provided.FindFirstValue(options.UserNameClaim) is { Length: > 0 } n ? n : subject;
        if (string.IsNullOrWhiteSpace(name))
        {
            return (null, new RefusedSignIn("身份提供方未给出用户名或 sub，无法登录"));
        }

        var values = provided.FindAll(options.RoleClaim).Select(c => c.Value).ToList();
        var roles = values
            .Select(v => options.RoleMap.Count == 0 ? (Roles.All.Contains(v, StringComparer.Ordinal) ? v : null) : options.RoleMap.GetValueOrDefault(v))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (roles.Count == 0)
        {
            return (null, new RefusedSignIn($"账户 {name} 在身份提供方没有 EnterpriseEval 的角色（声明 {options.RoleClaim}），请联系管理员分配"));
        }

        if (roles.Count > 1)
        {
            return (null, new RefusedSignIn(
                $"账户 {name} 在身份提供方有多个 EnterpriseEval 角色（{string.Join("、", roles.Select(Roles.Chinese))}）：每个账户只能有一个角色，请联系管理员"));
        }

        var role = roles[0];
        var employeeId = provided.FindFirstValue(options.EmployeeIdClaim);
        if (role == Roles.Employee && string.IsNullOrWhiteSpace(employeeId))
        {
            return (null, new RefusedSignIn($"员工账户 {name} 在身份提供方没有工号（声明 {options.EmployeeIdClaim}），无法查看本人结果"));
        }

        List<Claim> claims =
        [
            new(ClaimTypes.Name, UserPrefix + name.Trim()),
            new(ClaimTypes.NameIdentifier, UserPrefix + (subject ?? name).Trim()),
            new(ClaimTypes.Role, role),
            new(ClaimTypes.GivenName, provided.FindFirstValue(options.DisplayNameClaim) is { Length: > 0 } display ? display : name.Trim()),

            // A cookie session like a password sign-in: writes need the anti-forgery token.
            new(Accounts.AuthClaim, "cookie"),
            new(SourceClaim, "sso"),
        ];
        if (role == Roles.Employee)
        {
            claims.Add(new Claim(Accounts.EmployeeIdClaim, employeeId!.Trim()));
        }

        return (new ClaimsPrincipal(new ClaimsIdentity(claims, ServiceApp.CookieScheme, ClaimTypes.Name, ClaimTypes.Role)), null);
    }

    /// <summary>Whether a principal was signed in by the provider (its session is checked against the provider's rules, not a local account).</summary>
    public static bool IsSingleSignOn(ClaimsPrincipal user) => user.FindFirstValue(SourceClaim) == "sso";

    /// <summary>The sign-in's start: a challenge to the provider, coming back to a local address only.</summary>
    public static IResult Start(string? returnUrl, SingleSignOnOptions options)
    {
        if (!options.Enabled)
        {
            throw Problems.ApiProblem.NotFound("本服务未配置企业统一身份认证（EnterpriseEval:Service:OpenIdConnect），请使用账户密码登录");
        }

        var target = returnUrl is { Length: > 1 } url && url[0] == '/' && url[1] != '/' && url[1] != '\\' ? url : "/";
        return Results.Challenge(new AuthenticationProperties { RedirectUri = target }, [SchemeName]);
    }

    /// <summary>
    /// The reason a sign-in was refused, as the sign-in page receives it (<c>?error=</c>): readable only when this
    /// service protected it within the last minutes; anything else (a crafted link) reads as null.
    /// </summary>
    public static string? RefusalReason(IServiceProvider services, string? error)
    {
        if (string.IsNullOrWhiteSpace(error))
        {
            return null;
        }

        try
        {
            return Reasons(services).Unprotect(error, out _);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private static ITimeLimitedDataProtector Reasons(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("eeval.signin.refusal").ToTimeLimitedDataProtector();

    /// <summary>A sign-in the service refuses, with the reason the person reads.</summary>
    internal sealed class RefusedSignIn(string message) : Exception(message);
}
