using EnterpriseEval.Workflow.Review.Store;
using EnterpriseEval.Engine;

namespace EnterpriseEval.Workflow.Review;

/// <summary>
/// <c>review rekey</c>: moves the signature of the audit chain head to the key now configured. The whole store is
/// first verified with the old key (or, for a store of an older version that has no signed head yet, verified
/// without one); only a store that passes is re-signed, by a <c>rekey</c> entry the new key signs (docs/security.md).
/// </summary>
internal sealed class AuditRekey(AuditKeys keys)
{
    /// <returns>The new head and the ids of the old and new key (old: null for a store that had no signed head).</returns>
    public (AuditHead Head, string? OldKeyId, string NewKeyId) Run(IReviewStore store, string? oldKeyFile, string user)
    {
        var (newKey, _) = keys.GetOrCreate();
        using var lease = store.Lock();
        var head = store.Head();
        IReadOnlyList<string> problems;
        AuditKey? oldKey = null;
        if (head is null)
        {
            if (store.Audit(null).Count == 0)
            {
                throw new UserFacingException("评审数据库中没有任何审计记录，无需签名");
            }

            problems = store.Verify(() => newKey, requireHead: false);
        }
        else
        {
            oldKey = oldKeyFile is null ? newKey : AuditKeys.Load(oldKeyFile);
            if (oldKey.Id == newKey.Id)
            {
                throw new UserFacingException(
                    $"审计链头已由当前密钥（编号 {newKey.Id}）签名，无需换签；换用新密钥：把旧密钥文件移到别处，配置或生成新密钥后运行 eeval review rekey --old-key-file <旧密钥文件>");
            }

            problems = store.Verify(() => oldKey);
        }

        if (problems.Count > 0)
        {
            throw new UserFacingException(
                $"评审数据库校验未通过，不能换签：{string.Join("；", problems.Take(3))}{(problems.Count > 3 ? $"（共 {problems.Count} 处）" : "")}");
        }

        var facts = new Dictionary<string, string> { ["new_key_id"] = newKey.Id };
        if (oldKey is not null)
        {
            facts["old_key_id"] = oldKey.Id;
        }

        store.Resign(new AuditDraft(
            "rekey",
            user,
            oldKey is null ? $"审计链头签名：旧版本建立的库经校验后以密钥 {newKey.Id} 签名" : $"审计密钥换签：密钥 {oldKey.Id} → {newKey.Id}",
            facts));
        lease.Commit();
        return (store.Head()!, oldKey?.Id, newKey.Id);
    }
}
