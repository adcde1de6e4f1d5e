using System.Text.Json;

namespace EnterpriseEval.Workflow.Review.Store;

/// <summary>
/// The hash chain of the audit log: each entry's hash is SHA-256 of the previous entry's hash and the entry's own
/// canonical content, so changing, removing or reordering an entry breaks every hash after it.
/// </summary>
internal static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public const string Genesis = "";

    public static string Hash(string previousHash, long seq, long? batchId, string step, string user, string at, string detail) =>
        RowHash.Sha256(previousHash + "\n" + JsonSerializer.Serialize(new object?[] { seq, batchId, step, user, at, detail }));

    public static string Hash(AuditEntry e) => Hash(e.PreviousHash, e.Seq, e.BatchId, e.Step, e.User, e.At, e.Detail);
}
