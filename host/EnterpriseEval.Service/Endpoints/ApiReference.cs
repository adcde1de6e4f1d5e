using System.Text;
using System.Text.RegularExpressions;
using EnterpriseEval.Service.Security;
using Microsoft.AspNetCore.Authentication;
using Scalar.AspNetCore;

namespace EnterpriseEval.Service.Endpoints;

/// <summary>
/// The OpenAPI document (<c>/openapi/v1.json</c>, Microsoft.AspNetCore.OpenApi) and the interactive reference page
/// (<c>/scalar/v1</c>, Scalar.AspNetCore, whose scripts are served from the package itself): for integrators, behind
/// sign-in like everything else (docs/service.md, "OpenAPI"). Nothing external: no default fonts, no telemetry, no
/// proxy, and the page's one inline script is moved into <c>/scalar/init.js</c> (<see cref="ScalarWithoutInlineScript"/>)
/// so the Content-Security-Policy needs no inline script.
/// </summary>
internal static class ApiReference
{
    public const string PagePath = "/scalar/v1";

    public static void Map(WebApplication app)
    {
        app.MapOpenApi().RequireAuthorization(Policies.Integrators);
        app.MapScalarApiReference(o => o
                .WithTitle("EnterpriseEval HTTP API v1")
                .DisableDefaultFonts()
                .DisableTelemetry())
            .RequireAuthorization(Policies.Integrators);
    }
}

/// <summary>
/// Rewrites the Scalar page so that it has no inline script: the page's inline module is served as
/// <c>/scalar/init.js</c> (same folder, so its relative imports still resolve) and referenced by a script tag.
/// Runs after authorization: only an integrator ever gets the page or its script.
/// </summary>
internal sealed partial class ScalarWithoutInlineScript(RequestDelegate next)
{
    public const string InitPath = "/scalar/init.js";

    private static string? _init;

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase)
            && !Policies.RolesOf[Policies.Integrators].Any(context.User.IsInRole))
        {
            // Scalar marks its script files anonymous: the whole reference stays behind sign-in all the same.
            if (context.User.Identity?.IsAuthenticated == true)
            {
                await context.ForbidAsync().ConfigureAwait(false);
            }
            else
            {
                await context.ChallengeAsync().ConfigureAwait(false);
            }

            return;
        }

        if (path.Equals(InitPath, StringComparison.OrdinalIgnoreCase))
        {
            if (_init is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Response.ContentType = "text/javascript; charset=utf-8";
            await context.Response.WriteAsync(_init, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (!path.Equals(ApiReference.PagePath, StringComparison.OrdinalIgnoreCase))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }

        var html = Encoding.UTF8.GetString(buffer.ToArray());
        if (context.Response.StatusCode == 200 && InlineModule().Match(html) is { Success: true } inline)
        {
            _init = inline.Groups["code"].Value.Trim() + "\n";
            html = html.Replace(inline.Value, "<script type=\"module\" src=\"init.js\"></script>", StringComparison.Ordinal);
        }

        var bytes = Encoding.UTF8.GetBytes(html);
        context.Response.ContentLength = bytes.Length;
        await original.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    [GeneratedRegex("<script type=\"module\">(?<code>(?:(?!</script>).)*)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineModule();
}
