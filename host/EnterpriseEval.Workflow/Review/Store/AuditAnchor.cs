using System.Globalization;
using EnterpriseEval.Engine;

namespace EnterpriseEval.Workflow.Review.Store;

/// <summary>
/// An anchor kept outside the store — <c>COUNT:HASH</c> as printed on a notice or the filing list — checked against
/// the chain (<c>review verify --anchor</c>): finds a store rolled back to an older copy, which no signature inside
/// the store can show.
/// </summary>
internal static class AuditAnchor
{
    /// <summary>The problem, in Chinese, or null when the chain holds the anchored entry.</summary>
    public static string? Check(IReadOnlyList<AuditEntry> entries, string anchor)
    {
        var colon = anchor.IndexOf(':', StringComparison.Ordinal);
        var hash = colon < 0 ? "" : anchor[(colon + 1)..].Trim().ToLowerInvariant();
        if (colon < 0 || !long.TryParse(anchor[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1 || hash.Length < 12)
        {
            throw new UserFacingException($"--anchor 的格式应为“条数:哈希”（哈希至少 12 位，如通知书或归档清单所印），收到：{anchor}");
        }

        var entry = entries.FirstOrDefault(e => e.Seq == count);
        if (entry is null)
        {
            return $"审计链只有 {(entries.Count == 0 ? 0 : entries[^1].Seq)} 条记录，短于锚点所记的第 {count} 条：评审数据库被截断或回滚到了较早的副本";
        }

        return entry.Hash.StartsWith(hash, StringComparison.Ordinal)
            ? null
            : $"审计记录 #{count} 的哈希（{entry.Hash[..12]}…）与锚点所记（{hash[..12]}…）不符：评审数据库被回滚或改写";
    }
}
