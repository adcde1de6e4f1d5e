namespace EnterpriseEval.Workflow.Review.Store;

/// <summary>
/// The signed head of the audit chain: how many entries the chain has, the hash of the last one, and the HMAC of
/// both under the audit key (<see cref="AuditKey"/>). Rewritten in the transaction of every step; printed on every
/// issued notice and in the filing list, so a chain cut short or recomputed without the key shows.
/// </summary>
internal sealed record AuditHead(long Count, string Hash, string KeyId, string Signature)
{
    /// <summary>One Chinese line for notices, the filing list and <c>review verify</c>.</summary>
    public string Describe() => $"审计记录第 {Count} 条，哈希 {Hash}，HMAC-SHA256 签名 {Signature}（密钥编号 {KeyId}）";
}
