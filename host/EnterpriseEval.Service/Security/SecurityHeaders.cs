namespace EnterpriseEval.Service.Security;

/// <summary>
/// Security headers on every answer (docs/security.md, "The service"): a Content-Security-Policy that allows scripts,
/// styles, fonts and images only from the service itself and no inline script, no framing, no MIME sniffing, no
/// referrer sent elsewhere.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference page only: Scalar styles its page from its own script (inline style elements), so styles may be
    /// inline there; scripts stay 'self' only, and nothing may come from elsewhere.
    /// </summary>
    public const string ReferencePolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// A rendered notice previewed in the web app (docs/service.md, "Pages"): shown only inside a sandboxed frame of the
    /// service's own page, with its inline styles, and nothing else: no script, no request anywhere, sandboxed even when
    /// opened on its own.
    /// </summary>
    public const string NoticePreviewPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox";

    /// <summary>The key of <see cref="HttpContext.Items"/> a page sets to answer under <see cref="NoticePreviewPolicy"/>.</summary>
    public const string NoticePreviewItem = "eeval:notice-preview";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var preview = context.Items.ContainsKey(NoticePreviewItem);
            headers.ContentSecurityPolicy = preview ? NoticePreviewPolicy
                : context.Request.Path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase) ? ReferencePolicy
                : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = preview ? "SAMEORIGIN" : "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
