using Microsoft.AspNetCore.Antiforgery;

namespace EnterpriseEval.Service.Security;

/// <summary>
/// Anti-forgery for cookie-authenticated writes (docs/security.md, "The service"): a POST, PUT, PATCH or DELETE made
/// with the sign-in cookie must carry the token of <c>/api/v1/auth/antiforgery</c> in <see cref="HeaderName"/> (forms
/// carry it as a field). A call with an API token is not a browser's and needs none; sign-in itself has no cookie yet.
/// </summary>
internal sealed class AntiforgeryCheck(RequestDelegate next, IAntiforgery antiforgery)
{
    public const string HeaderName = "X-XSRF-TOKEN";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
            && !HttpMethods.IsTrace(context.Request.Method)
            && context.User.Identity?.IsAuthenticated == true
            && context.User.FindFirst(Accounts.AuthClaim)?.Value == "cookie")
        {
            await antiforgery.ValidateRequestAsync(context).ConfigureAwait(false);
        }

        await next(context).ConfigureAwait(false);
    }
}
