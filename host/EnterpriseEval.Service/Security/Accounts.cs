using System.Security.Claims;
using System.Security.Cryptography;
using EnterpriseEval.Engine;
using EnterpriseEval.Workflow.Review;
using EnterpriseEval.Workflow.Review.Store;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Service.Security;

/// <summary>
/// Local accounts (docs/service.md, "Accounts"): passwords hashed with ASP.NET Core's <see cref="PasswordHasher{TUser}"/>,
/// lock-out after <see cref="ServiceOptions.LockoutThreshold"/> failures in a row, API tokens kept as SHA-256 only.
/// Every change is an audit entry naming the admin who made it.
/// </summary>
internal sealed class Accounts(ReviewStoreFactory stores, IOptions<ServiceOptions> options, TimeProvider time)
{
    public const string EmployeeIdClaim = "eeval:employee_id";
    public const string AccountIdClaim = "eeval:account_id";
    public const string AuthClaim = "eeval:auth";
    public const string TokenPrefix = "eeval_";

    private static readonly PasswordHasher<StoredAccount> Hasher = new();

    // Verified against when the user name is unknown, so an unknown name takes as long as a wrong password.
    private static readonly string DummyHash = Hasher.HashPassword(null!, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));

    public SqliteReviewStore Open() => stores.OpenAccounts(null);

    /// <summary>Checks a user name and password, counting failures and locking the account after too many.</summary>
    public SignInResult SignIn(string userName, string password)
    {
        using var store = Open();
        var account = store.FindAccount(userName.Trim());
        var now = time.GetUtcNow();
        if (account is null || account.Disabled)
        {
            Hasher.VerifyHashedPassword(null!, DummyHash, password);
            return new SignInResult(null, false, null);
        }

        if (account.LockedUntil is { } until && until > now)
        {
            return new SignInResult(null, true, until);
        }

        if (Hasher.VerifyHashedPassword(account, account.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            var failures = account.FailedSignIns + 1;
            if (failures >= options.Value.LockoutThreshold)
            {
                var lockedUntil = now.AddMinutes(options.Value.LockoutMinutes);
                store.RecordSignIn(account.Id, 0, lockedUntil);
                return new SignInResult(null, true, lockedUntil);
            }

            store.RecordSignIn(account.Id, failures, null);
            return new SignInResult(null, false, null);
        }

        if (account.FailedSignIns != 0 || account.LockedUntil is not null)
        {
            store.RecordSignIn(account.Id, 0, null);
        }

        return new SignInResult(account, false, null);
    }

    /// <summary>Creates an account; the password is hashed, never stored.</summary>
    /// <exception cref="UserFacingException">The user name is taken, or the role or 工号 do not fit.</exception>
    public StoredAccount Create(string userName, string displayName, string role, string? employeeId, string password, string actor)
    {
        userName = userName.Trim();
        if (userName.Length is 0 or > 64 || userName.Any(char.IsControl) || userName.Contains(' ', StringComparison.Ordinal))
        {
            throw new UserFacingException("用户名须为 1–64 个字符，不含空格与控制字符");
        }

        if (!Roles.All.Contains(role, StringComparer.Ordinal))
        {
            throw new UserFacingException($"角色“{role}”无法识别：应为 {string.Join("、", Roles.All.Select(r => $"{r}（{Roles.Chinese(r)}）"))}");
        }

        if (role == Roles.Employee ? string.IsNullOrWhiteSpace(employeeId) : !string.IsNullOrWhiteSpace(employeeId))
        {
            throw new UserFacingException(role == Roles.Employee ? "员工账户须关联工号（employeeId）" : "只有员工账户关联工号");
        }

        if (password.Length < 12)
        {
            throw new UserFacingException("密码至少 12 个字符");
        }

        using var store = Open();
        if (store.FindAccount(userName) is not null)
        {
            throw new UserFacingException($"用户名“{userName}”已被使用");
        }

        var account = new StoredAccount(
            0, userName, string.IsNullOrWhiteSpace(displayName) ? userName : displayName.Trim(), role, employeeId?.Trim(), "", 0, null, false, time.GetUtcNow());
        account = account with { PasswordHash = Hasher.HashPassword(account, password) };
        return store.CreateAccount(account, new AuditDraft(
            "account", actor, $"建立账户“{userName}”（{Roles.Chinese(role)}）",
            new Dictionary<string, string> { ["account"] = userName, ["role"] = role, ["employee_id"] = account.EmployeeId ?? "" }));
    }

    /// <summary>Issues an API token acting as <paramref name="userName"/>; the token is returned once and kept only hashed.</summary>
    public (StoredApiToken Token, string Secret) IssueToken(string userName, string name, string actor)
    {
        using var store = Open();
        var account = store.FindAccount(userName.Trim()) ?? throw new UserFacingException($"没有用户名为“{userName}”的账户");
        var secret = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new StoredApiToken(0, account.Id, string.IsNullOrWhiteSpace(name) ? "API" : name.Trim(), Hash(secret), time.GetUtcNow(), actor, null);
        token = store.CreateToken(token, new AuditDraft(
            "token", actor, $"为账户“{account.UserName}”签发 API 令牌“{token.Name}”",
            new Dictionary<string, string> { ["account"] = account.UserName, ["token_name"] = token.Name }));
        return (token, secret);
    }

    /// <summary>Revokes a token; false when there is none of that id or it was revoked already.</summary>
    public bool RevokeToken(long id, string actor)
    {
        using var store = Open();
        return store.RevokeToken(id, time.GetUtcNow(), new AuditDraft(
            "token", actor, $"吊销 API 令牌 #{id}", new Dictionary<string, string> { ["token_id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
    }

    /// <summary>The account an API token acts as, or null for an unknown, revoked or disabled one.</summary>
    public StoredAccount? FromToken(string secret)
    {
        if (!secret.StartsWith(TokenPrefix, StringComparison.Ordinal) || secret.Length > 128)
        {
            return null;
        }

        using var store = Open();
        return store.FindToken(Hash(secret)) is { RevokedAt: null } token && store.FindAccount(token.AccountId) is { Disabled: false } account
            ? account
            : null;
    }

    /// <summary>The claims of an account signed in by <paramref name="how"/> (<c>cookie</c> or <c>token</c>).</summary>
    public static ClaimsPrincipal Principal(StoredAccount account, string scheme, string how)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.Name, account.UserName),
            new(ClaimTypes.NameIdentifier, account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Role, account.Role),
            new(ClaimTypes.GivenName, account.DisplayName),
            new(AuthClaim, how),
        ];
        if (account.EmployeeId is { } id)
        {
            claims.Add(new Claim(EmployeeIdClaim, id));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>A new random password for the demo accounts: 16 characters from an alphabet without look-alikes.</summary>
    public static string NewPassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        return RandomNumberGenerator.GetString(alphabet, 16);
    }

    internal static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>The outcome of a sign-in: the account, or whether it is locked and until when.</summary>
internal sealed record SignInResult(StoredAccount? Account, bool Locked, DateTimeOffset? LockedUntil);

/// <summary>Who is calling, from the claims of the signed-in account or token.</summary>
internal sealed record Actor(string UserName, string Role, string? EmployeeId)
{
    public static Actor Of(ClaimsPrincipal user) =>
        new(user.Identity?.Name ?? "", user.FindFirstValue(ClaimTypes.Role) ?? "", user.FindFirstValue(Accounts.EmployeeIdClaim));

    public bool SeesIdNumbers => Roles.SeesIdNumbers(Role);

    public bool IsEmployee => Role == Roles.Employee;
}
