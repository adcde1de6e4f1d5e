namespace EnterpriseEval.Workflow.Review.Store;

/// <summary>
/// The local accounts and API tokens of <c>eeval serve</c> (docs/service.md, "Accounts"), kept in the review store.
/// Every change an admin makes is one transaction with its audit entry (step <c>account</c> or <c>token</c>); sign-in
/// bookkeeping (failed attempts, lock-out) is not a change of the record and is written without one.
/// </summary>
internal interface IAccountStore
{
    StoredAccount? FindAccount(string userName);

    StoredAccount? FindAccount(long id);

    IReadOnlyList<StoredAccount> Accounts();

    /// <summary>Adds an account with its audit entry; refused when the user name is taken.</summary>
    StoredAccount CreateAccount(StoredAccount account, AuditDraft audit);

    /// <summary>Changes an account's password, role link or disabled state with its audit entry.</summary>
    void UpdateAccount(StoredAccount account, AuditDraft audit);

    /// <summary>Records the outcome of a sign-in: failed attempts so far and the lock-out end, if any.</summary>
    void RecordSignIn(long accountId, int failedSignIns, DateTimeOffset? lockedUntil);

    /// <summary>
    /// Counts one more failed sign-in in one statement and answers the count: failures sent at once to several
    /// instances of the service all count.
    /// </summary>
    int CountFailedSignIn(long accountId);

    StoredApiToken CreateToken(StoredApiToken token, AuditDraft audit);

    /// <summary>The token with that SHA-256 hash, revoked or not.</summary>
    StoredApiToken? FindToken(string tokenHash);

    IReadOnlyList<StoredApiToken> Tokens();

    /// <summary>Revokes a token with its audit entry; false when there is no such token or it was already revoked.</summary>
    bool RevokeToken(long id, DateTimeOffset at, AuditDraft audit);
}

/// <summary>A local account of <c>eeval serve</c>.</summary>
/// <param name="Role">One of hr, committee, employee, auditor, admin (docs/service.md, "Roles").</param>
/// <param name="EmployeeId">The 工号 of an employee account; null for the other roles.</param>
/// <param name="PasswordHash">ASP.NET Core <c>PasswordHasher</c> output; never the password.</param>
internal sealed record StoredAccount(
    long Id, string UserName, string DisplayName, string Role, string? EmployeeId, string PasswordHash, int FailedSignIns,
    DateTimeOffset? LockedUntil, bool Disabled, DateTimeOffset CreatedAt);

/// <summary>An API token: acts as <see cref="AccountId"/>; only the SHA-256 of the token is kept.</summary>
internal sealed record StoredApiToken(
    long Id, long AccountId, string Name, string TokenHash, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt);
