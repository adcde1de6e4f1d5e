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
    public const string StampClaim = "eeval:stamp";
    public const string TokenPrefix = "eeval_";

    private static readonly PasswordHasher<StoredAccount> Hasher = new();

    // Verified against when the user name is unknown, so an unknown name takes as long as a wrong password.
    private static readonly string DummyHash = Hasher.HashPassword(null!, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));

    public ReviewStore Open() => stores.OpenAccounts(null);

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
            // Counted in the store itself: failures sent to several instances at once all count (docs/service.md).
            var failures = store.CountFailedSignIn(account.Id);
            if (failures >= options.Value.LockoutThreshold)
            {
                var lockedUntil = now.AddMinutes(options.Value.LockoutMinutes);
                store.RecordSignIn(account.Id, 0, lockedUntil);
                return new SignInResult(null, true, lockedUntil);
            }

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
        using var store = Open();
        return Create(store, userName, displayName, role, employeeId, password, actor);
    }

    /// <summary>Creates an account in a store the caller holds open (and may hold locked, as the demo does).</summary>
    public StoredAccount Create(IAccountStore store, string userName, string displayName, string role, string? employeeId, string password, string actor)
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

    /// <summary>
    /// Changes an account: display name, role (with its 工号), password, disabled. A change of role, password or
    /// disabled state ends the account's cookie sessions at their next request (<see cref="StillValid"/>).
    /// </summary>
    /// <exception cref="UserFacingException">No such account, or the role or 工号 do not fit.</exception>
    public StoredAccount Update(long id, string? displayName, string? role, string? employeeId, string? password, bool? disabled, string actor)
    {
        using var store = Open();
        var account = store.FindAccount(id) ?? throw new UserFacingException($"没有编号为 {id} 的账户");
        var newRole = string.IsNullOrWhiteSpace(role) ? account.Role : role.Trim();
        if (!Roles.All.Contains(newRole, StringComparer.Ordinal))
        {
            throw new UserFacingException($"角色“{newRole}”无法识别：应为 {string.Join("、", Roles.All.Select(r => $"{r}（{Roles.Chinese(r)}）"))}");
        }

        var newEmployee = newRole == Roles.Employee ? (string.IsNullOrWhiteSpace(employeeId) ? account.EmployeeId : employeeId.Trim()) : null;
        if (newRole == Roles.Employee && string.IsNullOrWhiteSpace(newEmployee))
        {
            throw new UserFacingException("员工账户须关联工号（employeeId）");
        }

        if (password is not null && password.Length < 12)
        {
            throw new UserFacingException("密码至少 12 个字符");
        }

        var changed = account with
        {
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? account.DisplayName : displayName.Trim(),
            Role = newRole,
            EmployeeId = newEmployee,
            Disabled = disabled ?? account.Disabled,
        };
        if (password is not null)
        {
            changed = changed with { PasswordHash = Hasher.HashPassword(changed, password) };
        }

        var what = new List<string>();
        if (changed.Role != account.Role || changed.EmployeeId != account.EmployeeId)
        {
            what.Add($"角色改为{Roles.Chinese(changed.Role)}{(changed.EmployeeId is null ? "" : $"（工号 {changed.EmployeeId}）")}");
        }

        if (password is not null)
        {
            what.Add("重设密码");
        }

        if (changed.Disabled != account.Disabled)
        {
            what.Add(changed.Disabled ? "停用" : "启用");
        }

        if (changed.DisplayName != account.DisplayName)
        {
            what.Add($"显示名改为“{changed.DisplayName}”");
        }

        store.UpdateAccount(changed, new AuditDraft(
            "account", actor, $"修改账户“{account.UserName}”：{(what.Count == 0 ? "无变化" : string.Join("，", what))}",
            new Dictionary<string, string> { ["account"] = account.UserName, ["role"] = changed.Role, ["disabled"] = changed.Disabled ? "yes" : "no" }));
        return changed;
    }

    /// <summary>
    /// Whether a cookie's account still signs in as it did: it exists, is not disabled, has the same role and 工号 and
    /// the same password hash as when the cookie was issued.
    /// </summary>
    public bool StillValid(ClaimsPrincipal user)
    {
        if (!long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }

        using var store = Open();
        return store.FindAccount(id) is { Disabled: false } account
            && account.Role == user.FindFirstValue(ClaimTypes.Role)
            && account.EmployeeId == user.FindFirstValue(EmployeeIdClaim)
            && Stamp(account) == user.FindFirstValue(StampClaim);
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
            new(StampClaim, Stamp(account)),
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

    // Changes when the password does: a cookie issued before a password reset stops working.
    private static string Stamp(StoredAccount account) => Hash(account.PasswordHash)[..16];

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

    /// <summary>Masks every 身份证号 whatever the role: the web app's pages show none whole (docs/service.md, "Pages").</summary>
    public bool MasksIdNumbers { get; init; }

    public bool SeesIdNumbers => !MasksIdNumbers && Roles.SeesIdNumbers(Role);

    public bool IsEmployee => Role == Roles.Employee;
}
