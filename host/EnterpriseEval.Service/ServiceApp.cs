using EnterpriseEval.Engine.Hosting;
using EnterpriseEval.Service.Endpoints;
using EnterpriseEval.Service.Problems;
using EnterpriseEval.Service.Rosters;
using EnterpriseEval.Service.Screening;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Workflow.Review;
using EnterpriseEval.Workflow.Review.Store;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Service;

/// <summary>
/// <c>eeval serve</c> (docs/service.md): ASP.NET Core composed on the CLI's configuration (appsettings.json, EEVAL_
/// variables, <c>--config</c>, all checked by <see cref="ConfigurationCheck"/>), with the same runtime and review
/// services the commands use, local accounts, two authentication schemes (cookie for pages, API token for machines),
/// one policy per role set and a fallback that requires a signed-in account everywhere but <c>/health</c>.
/// </summary>
internal static class ServiceApp
{
    /// <summary>The cookie scheme (pages and browser calls of the API).</summary>
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>The scheme every request is authenticated with: a token when a Bearer header is sent, else the cookie.</summary>
    public const string SmartScheme = "eeval";

    /// <summary>Where the sign-in page will be (the pages come with the web app; docs/service.md).</summary>
    public const string SignInPath = "/signin";

    public const string CookieName = "__Host-eeval";

    /// <summary>Composes the web application on <paramref name="configuration"/> (the CLI's) and the command line.</summary>
    public static WebApplicationBuilder CreateBuilder(IConfiguration configuration, ServeArguments arguments)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,

            // Razor Pages of this library are found by the application name (docs/service.md, "Pages").
            ApplicationName = typeof(ServiceApp).Assembly.GetName().Name,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);
        builder.Configuration.AddInMemoryCollection(arguments.Overrides());
        ConfigurationCheck.ThrowIfInvalid(builder.Configuration);
        builder.WebHost.UseUrls(arguments.Urls);
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);

        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        builder.Logging.AddFilter("EnterpriseEval", LogLevel.Information);

        var services = builder.Services;
        services.AddEnterpriseEvalRuntime(builder.Configuration);
        services.AddEnterpriseEvalReview(builder.Configuration);
        services.AddOptions<ServiceOptions>().Bind(builder.Configuration.GetSection(ServiceOptions.SectionName))
            .Validate(o => o.MaxUploadBytes > 0 && o.MaxUploadFiles > 0 && o.MaxExpandedBytes > 0 && o.LockoutThreshold > 0 && o.MaxPageSize > 0 && o.MaxRunningScreenings > 0,
                $"{ServiceOptions.SectionName} 的上限须为正数")
            .Validate(o => o.JobHeartbeatSeconds > 0 && o.JobSweepSeconds > 0 && o.JobPollSeconds > 0 && o.JobAttempts > 0
                    && o.JobHeartbeatSeconds <= 3600 && o.JobSweepSeconds <= 3600 && o.JobPollSeconds <= 3600 && o.JobTimeoutSeconds <= 86400,
                $"{ServiceOptions.SectionName} 的 JobHeartbeatSeconds、JobSweepSeconds、JobPollSeconds、JobAttempts 须为正数（秒数不超过 3600）")
            .Validate(o => o.JobTimeoutSeconds >= 3 * o.JobHeartbeatSeconds,
                $"{ServiceOptions.SectionName}:JobTimeoutSeconds 须至少为 JobHeartbeatSeconds 的 3 倍，否则正常运行的任务也会被当作所在实例已停止")
            .ValidateOnStart();
        services.AddSingleton<ServicePaths>();

        // The keys that protect the sign-in cookie live with the service's data, so a restart keeps people signed in;
        // protect the folder like the store (docs/security.md, "The service").
        var keys = Path.Combine(new ServicePaths(
            Options.Create(builder.Configuration.GetSection(ServiceOptions.SectionName).Get<ServiceOptions>() ?? new ServiceOptions()),
            Options.Create(builder.Configuration.GetSection(Engine.Notices.ReviewOptions.SectionName).Get<Engine.Notices.ReviewOptions>() ?? new Engine.Notices.ReviewOptions())).Root, "keys");
        services.AddDataProtection().SetApplicationName("eeval").PersistKeysToFileSystem(new DirectoryInfo(keys));
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        services.AddSingleton<ServiceAudit>();
        services.AddSingleton<Accounts>();
        services.AddSingleton<RosterLibrary>();
        services.AddSingleton<ServiceInstance>();
        services.AddSingleton<ScreeningJobs>();
        services.AddHostedService<ScreeningJobWorker>();
        services.AddSingleton<NoticeRendering>();
        services.AddSingleton<DemoData>();

        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            var status = c.ProblemDetails.Status ?? c.HttpContext.Response.StatusCode;
            if (c.Exception is null && (c.ProblemDetails.Title is null || IsEnglishDefault(c.ProblemDetails.Title)))
            {
                c.ProblemDetails.Title = ProblemTitles.Of(status);
                c.ProblemDetails.Detail ??= ProblemTitles.DetailOf(status);
            }

            c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryCheck.HeaderName;
            // Secure when the request is (antiforgery refuses to issue an Always-secure cookie over plain http://localhost);
            // it only pairs with the token a page or script sends back, which the sign-in cookie must accompany.
            o.Cookie.Name = "eeval-af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        var secure = builder.Configuration.GetValue($"{ServiceOptions.SectionName}:SecureCookies", true);
        var minutes = builder.Configuration.GetValue($"{ServiceOptions.SectionName}:SessionMinutes", 480);
        var sso = SingleSignOn.Read(builder.Configuration);
        services.AddSingleton(sso);
        var authentication = services.AddAuthentication(SmartScheme)
            .AddPolicyScheme(SmartScheme, "Cookie or API token", o => o.ForwardDefaultSelector = c =>
                ApiTokenHandler.BearerOf(c.Request.Headers.Authorization.ToString()) is null ? CookieScheme : ApiTokenHandler.SchemeName)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = secure ? CookieName : "eeval";
                o.Cookie.HttpOnly = true;
                // Lax with single sign-on: the browser comes back from the identity provider on a cross-site redirect,
                // which would not carry a Strict cookie to the first page (writes still need the anti-forgery token).
                o.Cookie.SameSite = sso.Enabled ? SameSiteMode.Lax : SameSiteMode.Strict;
                o.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(minutes);
                o.SlidingExpiration = true;
                o.LoginPath = SignInPath;
                o.AccessDeniedPath = SignInPath;

                // Machines get status codes, people get the sign-in page.
                o.Events.OnRedirectToLogin = c => Answer(c, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => Answer(c, StatusCodes.Status403Forbidden);

                // A disabled account, a changed role or a reset password ends the cookie sessions at once; a single
                // sign-on session lasts while single sign-on stays configured (the provider decides who signs in).
                o.Events.OnValidatePrincipal = async c =>
                {
                    if (c.Principal is null || !(SingleSignOn.IsSingleSignOn(c.Principal)
                        ? sso.Enabled
                        : c.HttpContext.RequestServices.GetRequiredService<Accounts>().StillValid(c.Principal)))
                    {
                        c.RejectPrincipal();
                        await c.HttpContext.SignOutAsync(CookieScheme).ConfigureAwait(false);
                    }
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);
        SingleSignOn.Add(authentication, sso);

        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(SmartScheme).RequireAuthenticatedUser().Build());
        foreach (var (policy, roles) in Policies.RolesOf)
        {
            authorization.AddPolicy(policy, p => p.AddAuthenticationSchemes(SmartScheme).RequireAuthenticatedUser().RequireRole(roles));
        }

        // The web app (docs/service.md, "Pages"): Razor Pages of this library. Each page names its role policy like every
        // endpoint (the role-matrix test covers pages too); every POST handler validates the anti-forgery token.
        services.AddRazorPages();

        // Pages write Chinese as it is, not as character references (still HTML-encoded: < > & " ').
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "EnterpriseEval HTTP API v1";
            document.Info.Description = "人社部发〔2020〕96号 职称与职业技能等级贯通：花名册上传、资格筛查、决策查询与自主评审各步骤（docs/service.md）。";
            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>The middleware and endpoints of the service.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages(async c =>
        {
            // People get a Chinese page, machines the problem the API answers everywhere (docs/service.md, "Errors").
            if (Web.HtmlErrors.ForPerson(c.HttpContext))
            {
                await Web.HtmlErrors.WriteAsync(c.HttpContext, c.HttpContext.Response.StatusCode).ConfigureAwait(false);
            }
            else
            {
                await c.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = c.HttpContext,
                    ProblemDetails = { Status = c.HttpContext.Response.StatusCode },
                }).ConfigureAwait(false);
            }
        });
        app.UseMiddleware<SecurityHeaders>();

        // The web app's style sheet and scripts (docs/service.md, "Pages"): the library's wwwroot, embedded in the
        // assembly so that every host of the library serves them (the eeval executable is no web project), under the
        // path a Razor class library's static web assets have. Public: the sign-in page needs them.
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(ServiceApp).Assembly, "EnterpriseEval.Service.wwwroot"),
            RequestPath = Web.SiteNav.Assets,
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<Web.UploadForms>();
        app.UseMiddleware<AntiforgeryCheck>();
        app.UseMiddleware<ScalarWithoutInlineScript>();

        app.MapGet("/health", () => Results.Ok(new { status = "ok" })).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(SingleSignOn.StartPath, (string? returnUrl, SingleSignOnOptions sso) => SingleSignOn.Start(returnUrl, sso))
            .AllowAnonymous().ExcludeFromDescription();
        var api = app.MapGroup("/api/v1")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
        AuthEndpoints.Map(api);
        AdminEndpoints.Map(api);
        RosterEndpoints.Map(api);
        ScreeningEndpoints.Map(api);
        ReviewEndpoints.Map(api);
        BallotEndpoints.Map(api);
        BatchRecordEndpoints.Map(api);
        ApiReference.Map(app);
        app.MapRazorPages();
        return app;
    }

    /// <summary>Makes sure the store exists (and the audit key), then seeds the demo when asked.</summary>
    public static void Prepare(WebApplication app, ServeArguments arguments, Action<string> say)
    {
        var stores = app.Services.GetRequiredService<ReviewStoreFactory>();
        var (store, createdKey) = stores.OpenForNew(null);
        var provider = store.Provider;
        using (store)
        {
            // The first key protecting sign-in cookies is created once, under the store's write lock: instances started
            // at the same moment on a new data folder would otherwise each create a key of their own, and a cookie one
            // of them issued would be refused by the others until they re-read the folder (docs/service.md, "Several
            // instances"). Later keys are made ahead of their activation by ASP.NET Core, which every instance picks up.
            using var lease = store.Lock();
            EnsureSigningKey(app.Services.GetRequiredService<IKeyManager>(), app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        }

        if (createdKey is not null)
        {
            say($"已创建审计密钥文件 {createdKey}（仅本用户可读写）：它为审计链签名，请妥善保管并另行备份（见 docs/security.md）。");
        }

        if (provider == StoreLocation.Postgres && string.IsNullOrWhiteSpace(app.Services.GetRequiredService<IOptions<ServiceOptions>>().Value.DataDirectory))
        {
            // A PostgreSQL store has no file to put the service's folder beside (docs/service.md, "Where data lives").
            say($"评审数据库在 PostgreSQL 上，但未配置服务文件夹 {ServiceOptions.SectionName}:DataDirectory：上传的花名册、筛查结果与登录密钥暂存于 "
                + $"{app.Services.GetRequiredService<ServicePaths>().Root}。请配置一个固定的文件夹，多个服务实例须共用同一个（见 docs/service.md“Several instances”）。");
        }

        if (arguments.Demo)
        {
            app.Services.GetRequiredService<DemoData>().Seed(say);
        }
        else if (app.Services.GetRequiredService<Accounts>().Open() is var accounts)
        {
            using (accounts)
            {
                if (accounts.Accounts().Count == 0)
                {
                    say("评审数据库中还没有任何账户：用 eeval serve --demo 在新库中建立演示账户，或由管理员通过 /api/v1/accounts 建立（见 docs/service.md）。");
                }
            }
        }
    }

    /// <summary>Creates a data protection key when none is active now and for the next two days (ASP.NET Core's own rule).</summary>
    private static void EnsureSigningKey(IKeyManager keys, DateTimeOffset now)
    {
        if (!keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now.AddDays(2)))
        {
            keys.CreateNewKey(now, now.AddDays(90));
        }
    }

    private static Task Answer(RedirectContext<CookieAuthenticationOptions> c, int status)
    {
        if (IsMachinePath(c.Request.Path))
        {
            c.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        c.Response.Redirect(c.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Paths answered with status codes rather than redirects: the API and the OpenAPI document.</summary>
    public static bool IsMachinePath(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);

    private static bool IsEnglishDefault(string title) => title.All(c => c < 128);
}
