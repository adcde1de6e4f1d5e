using System.Data.Common;
using System.Globalization;

namespace EnterpriseEval.Workflow.Review.Store;

/// <summary>The accounts and API tokens of <c>eeval serve</c> (migration 3, docs/service.md).</summary>
internal abstract partial class ReviewStore
{
    private const string AccountColumns =
        "id, user_name, display_name, role, employee_id, password_hash, failed_sign_ins, locked_until, disabled, created_at";

    private const string TokenColumns = "id, account_id, name, token_hash, created_at, created_by, revoked_at";

    public StoredAccount? FindAccount(string userName) =>
        Query($"SELECT {AccountColumns} FROM accounts WHERE user_name = @a", ReadAccount, userName).FirstOrDefault();

    public StoredAccount? FindAccount(long id) =>
        Query($"SELECT {AccountColumns} FROM accounts WHERE id = @a", ReadAccount, id).FirstOrDefault();

    public IReadOnlyList<StoredAccount> Accounts() => Query($"SELECT {AccountColumns} FROM accounts ORDER BY id", ReadAccount);

    public StoredAccount CreateAccount(StoredAccount account, AuditDraft audit)
    {
        long id = 0;
        Step(null, audit, (tx, _) =>
        {
            using var insert = Command(
                """
                INSERT INTO accounts (user_name, display_name, role, employee_id, password_hash, failed_sign_ins, locked_until, disabled, created_at)
                VALUES (@a, @b, @c, @d, @e, 0, NULL, @f, @g)
                """,
                tx, account.UserName, account.DisplayName, account.Role, account.EmployeeId, account.PasswordHash, account.Disabled, Stamp(account.CreatedAt));
            insert.ExecuteNonQuery();
            id = (long)Scalar("SELECT id FROM accounts WHERE user_name = @a", tx, account.UserName)!;
            return [];
        });
        return account with { Id = id };
    }

    public void UpdateAccount(StoredAccount account, AuditDraft audit) =>
        Step(null, audit, (tx, _) =>
        {
            using var update = Command(
                "UPDATE accounts SET display_name = @a, role = @b, employee_id = @c, password_hash = @d, disabled = @e, failed_sign_ins = 0, locked_until = NULL WHERE id = @f",
                tx, account.DisplayName, account.Role, account.EmployeeId, account.PasswordHash, account.Disabled, account.Id);
            update.ExecuteNonQuery();
            return [];
        });

    public void RecordSignIn(long accountId, int failedSignIns, DateTimeOffset? lockedUntil)
    {
        using var update = Command(
            "UPDATE accounts SET failed_sign_ins = @a, locked_until = @b WHERE id = @c",
            null, failedSignIns, lockedUntil is null ? null : Stamp(lockedUntil.Value), accountId);
        Busy(() => update.ExecuteNonQuery());
    }

    public int CountFailedSignIn(long accountId)
    {
        var count = ChangeReturning("UPDATE accounts SET failed_sign_ins = failed_sign_ins + 1 WHERE id = @a RETURNING failed_sign_ins", accountId);
        return count is null ? 0 : Convert.ToInt32(count, CultureInfo.InvariantCulture);
    }

    public StoredApiToken CreateToken(StoredApiToken token, AuditDraft audit)
    {
        long id = 0;
        Step(null, audit, (tx, _) =>
        {
            using var insert = Command(
                "INSERT INTO api_tokens (account_id, name, token_hash, created_at, created_by, revoked_at) VALUES (@a, @b, @c, @d, @e, NULL)",
                tx, token.AccountId, token.Name, token.TokenHash, Stamp(token.CreatedAt), token.CreatedBy);
            insert.ExecuteNonQuery();
            id = (long)Scalar("SELECT id FROM api_tokens WHERE token_hash = @a", tx, token.TokenHash)!;
            return [];
        });
        return token with { Id = id };
    }

    public StoredApiToken? FindToken(string tokenHash) =>
        Query($"SELECT {TokenColumns} FROM api_tokens WHERE token_hash = @a", ReadToken, tokenHash).FirstOrDefault();

    public IReadOnlyList<StoredApiToken> Tokens() => Query($"SELECT {TokenColumns} FROM api_tokens ORDER BY id", ReadToken);

    public bool RevokeToken(long id, DateTimeOffset at, AuditDraft audit)
    {
        using var lease = Lock();
        if (Query($"SELECT {TokenColumns} FROM api_tokens WHERE id = @a", ReadToken, id).FirstOrDefault() is not { RevokedAt: null })
        {
            return false;
        }

        Step(null, audit, (tx, _) =>
        {
            using var update = Command("UPDATE api_tokens SET revoked_at = @a WHERE id = @b", tx, Stamp(at), id);
            update.ExecuteNonQuery();
            return [];
        });
        lease.Commit();
        return true;
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseStamp(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static StoredAccount ReadAccount(DbDataReader r) =>
        new(
            r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5), Int(r, 6),
            r.IsDBNull(7) ? null : ParseStamp(r.GetString(7)), r.GetInt64(8) != 0, ParseStamp(r.GetString(9)));

    private static StoredApiToken ReadToken(DbDataReader r) =>
        new(
            r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), ParseStamp(r.GetString(4)), r.GetString(5),
            r.IsDBNull(6) ? null : ParseStamp(r.GetString(6)));
}
