using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Service.Security;

/// <summary>
/// The second authentication scheme (docs/service.md, "API tokens"): <c>Authorization: Bearer eeval_…</c>, looked up by
/// its SHA-256 in the store; a revoked token or a disabled account is refused.
/// </summary>
internal sealed class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, Accounts accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerOf(Request.Headers.Authorization.ToString()) is not { } secret)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var account = accounts.FromToken(secret);
        return Task.FromResult(account is null
            ? AuthenticateResult.Fail("Unknown or revoked API token.")
            : AuthenticateResult.Success(new AuthenticationTicket(Accounts.Principal(account, SchemeName, "token"), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    /// <summary>The token of a <c>Bearer</c> authorization header, or null.</summary>
    public static string? BearerOf(string header) =>
        header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
}
