using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EnterpriseEval.Service.Tests.Support;

/// <summary>
/// A small OpenID Connect provider on real Kestrel at 127.0.0.1 (the service's handler fetches its discovery document,
/// keys and tokens over HTTP, as from a firm's provider): discovery, JWKS, an authorisation endpoint that signs in
/// whoever the test names next without a page, and a token endpoint that checks the code, the redirect address, the
/// client and the PKCE verifier before it issues an RS256 ID token.
/// </summary>
internal sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "eeval-tests";
    public const string ClientSecret = "provider-secret-for-tests";

    private readonly WebApplication _app;
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private readonly ConcurrentDictionary<string, Grant> _grants = new(StringComparer.Ordinal);

    private TestIdentityProvider(WebApplication app)
    {
        _app = app;
        _key = new RsaSecurityKey(_rsa) { KeyId = "test-key" };
    }

    /// <summary>The issuer address (the service's <c>Authority</c>).</summary>
    public string Authority { get; private set; } = "";

    /// <summary>The claims of the person the next authorisation request signs in.</summary>
    public IDictionary<string, object> NextUser { get; set; } = new Dictionary<string, object>();

    /// <summary>Token requests refused (wrong code, verifier, client or address): none in a good run.</summary>
    public int Refusals { get; private set; }

    public static async Task<TestIdentityProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var provider = new TestIdentityProvider(app);
        provider.Map();
        await app.StartAsync();
        provider.Authority = app.Urls.First().TrimEnd('/');
        return provider;
    }

    private void Map()
    {
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["authorization_endpoint"] = $"{Authority}/authorize",
            ["token_endpoint"] = $"{Authority}/token",
            ["jwks_uri"] = $"{Authority}/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));

        _app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_rsa.ExportParameters(false)) { KeyId = _key.KeyId });
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
        });

        _app.MapGet("/authorize", (HttpRequest request) =>
        {
            var q = request.Query;
            if (q["client_id"] != ClientId || q["response_type"] != "code" || q["code_challenge_method"] != "S256")
            {
                Refusals++;
                return Results.BadRequest();
            }

            var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            _grants[code] = new Grant(q["redirect_uri"]!, q["nonce"]!, q["code_challenge"]!, new Dictionary<string, object>(NextUser));
            return Results.Redirect($"{q["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(q["state"]!)}");
        });

        _app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var (client, secret) = Client(request, form);
            if (form["grant_type"] != "authorization_code" || client != ClientId || secret != ClientSecret
                || !_grants.TryRemove(form["code"].ToString(), out var grant) || grant.RedirectUri != form["redirect_uri"]
                || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != grant.Challenge)
            {
                Refusals++;
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            }

            var claims = new Dictionary<string, object>(grant.Claims) { ["nonce"] = grant.Nonce };
            var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = Authority,
                Audience = ClientId,
                Claims = claims,
                IssuedAt = DateTime.UtcNow,
                NotBefore = DateTime.UtcNow.AddMinutes(-1),
                Expires = DateTime.UtcNow.AddMinutes(5),
                SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
            });
            return Results.Json(new { access_token = "opaque-" + Guid.NewGuid().ToString("N"), token_type = "Bearer", expires_in = 300, id_token = idToken });
        });
    }

    private static (string? Client, string? Secret) Client(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..])).Split(':', 2);
            return (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
        }

        return (form["client_id"], form["client_secret"]);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _rsa.Dispose();
    }

    private sealed record Grant(string RedirectUri, string Nonce, string Challenge, Dictionary<string, object> Claims);
}
