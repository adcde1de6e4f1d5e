using System.Data.Common;
using EnterpriseEval.Engine;

namespace EnterpriseEval.Workflow.Review.Store;

/// <summary>
/// <c>review verify</c> on a store of any provider: walks the audit chain, checks its signed head (length, last hash, HMAC
/// under the audit key), recomputes every row's content hash and every entry's row digests, re-hashes every issued
/// file, and names each entry, row or file that no longer matches.
/// </summary>
internal sealed class StoreVerifier(
    ReviewStore store, IReadOnlyList<AuditEntry> entries, AuditHead? head, Func<AuditKey> key, bool requireHead, bool files)
{
    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Problems()
    {
        if (entries.Count == 0)
        {
            // A store only comes to exist through `review new`, which writes the first entry with its batch.
            _problems.Add("评审数据库中没有任何审计记录：库已被清空，或不是由 eeval review new 建立的评审数据库");
        }

        CheckChain();
        CheckHead();
        var digests = new Dictionary<(string Table, long AuditId), RowDigest>();
        foreach (var table in StoredTableSpec.All)
        {
            CheckRows(table, digests);
        }

        CheckDigests(digests);
        foreach (var d in digests.Values)
        {
            d.Dispose();
        }

        CheckBallots();

        if (files)
        {
            CheckIssuedFiles();
        }

        return _problems;
    }

    private void CheckHead()
    {
        if (entries.Count == 0)
        {
            return;
        }

        var last = entries[^1];
        if (head is null)
        {
            if (requireHead)
            {
                _problems.Add("审计链头签名缺失：签名被删除，或本库由旧版本建立（旧库请运行 eeval review rekey 校验并签名）");
            }

            return;
        }

        if (head.Count > last.Seq)
        {
            _problems.Add(
                $"审计链被截断：签名的链头记载 {head.Count} 条审计记录，库中只到第 {last.Seq} 条，末尾的审计记录 #{last.Seq + 1}–#{head.Count} 连同其数据被删除");
        }
        else if (head.Count < last.Seq)
        {
            _problems.Add($"审计记录 #{head.Count + 1}–#{last.Seq} 不在签名的链头之内（链头记载 {head.Count} 条）：这些记录是绕过本程序追加的");
        }
        else if (head.Hash != last.Hash)
        {
            _problems.Add($"签名的链头所记第 {head.Count} 条审计记录的哈希与库中不符：审计链被改写");
        }

        AuditKey k;
        try
        {
            k = key();
        }
        catch (UserFacingException e)
        {
            _problems.Add($"无法校验审计链头签名：{e.Message}");
            return;
        }

        if (head.KeyId != k.Id)
        {
            _problems.Add(
                $"审计链头由另一把审计密钥签名（密钥编号 {head.KeyId}，当前密钥 {k.Id}，来自 {k.Source}）：请用签名时的密钥校验；换用新密钥须运行 eeval review rekey");
        }
        else if (!k.Verifies(head.Count, head.Hash, head.Signature))
        {
            _problems.Add("审计链头签名无效：审计链在没有审计密钥的情况下被重新计算（重封），或链头被改动");
        }
    }

    /// <summary>Every notice and workbook an <c>issue</c> step wrote, re-hashed where the step recorded it.</summary>
    private void CheckIssuedFiles()
    {
        var notices = new Dictionary<long, List<(string File, string Sha256)>>();
        foreach (var (auditId, file, sha) in store.Read("SELECT audit_id, file, sha256 FROM notices ORDER BY id", r => (r.GetInt64(0), r.GetString(1), r.GetString(2))))
        {
            if (!notices.TryGetValue(auditId, out var list))
            {
                notices[auditId] = list = [];
            }

            list.Add((file, sha));
        }

        foreach (var e in entries.Where(e => e.Step == "issue"))
        {
            var facts = AuditDetail.Facts(e.Detail);
            if (!facts.TryGetValue("folder", out var folder))
            {
                continue;
            }

            foreach (var (file, sha) in notices.GetValueOrDefault(e.Seq) ?? [])
            {
                CheckFile(e, "通知书", Path.Combine(folder, "notices", file), sha);
            }

            foreach (var export in (facts.GetValueOrDefault("exports") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var at = export.LastIndexOf('#');
                if (at > 0)
                {
                    CheckFile(e, "导出表", Path.Combine(folder, export[..at]), export[(at + 1)..]);
                }
            }
        }
    }

    private void CheckFile(AuditEntry issue, string what, string path, string sha256)
    {
        if (!File.Exists(path))
        {
            _problems.Add($"审计记录 #{issue.Seq}（issue）发出的{what} {path} 不存在，无法核对（如已移走，请放回原处后再校验）");
            return;
        }

        using var stream = File.OpenRead(path);
        if (RowHash.Hex(System.Security.Cryptography.SHA256.HashData(stream)) != sha256)
        {
            _problems.Add($"审计记录 #{issue.Seq}（issue）发出的{what} {path} 与发文时记录的 SHA-256 不符：文件发出后被改动");
        }
    }

    /// <summary>
    /// The secret ballots (migration 4): the counters carry no audit id of their own, so while a round is open each
    /// candidate's ballots must add up to the members recorded as having voted on it, and once it was closed (the step
    /// <c>vote</c>) the counters must still give the seal that entry recorded.
    /// </summary>
    private void CheckBallots()
    {
        var counts = new Dictionary<long, List<StoredBallotCount>>();
        foreach (var (batch, candidate, choice, count) in store.Read(
            "SELECT batch_id, candidate, choice, count FROM ballot_counts",
            r => (r.GetInt64(0), r.GetString(1), r.GetString(2), checked((int)r.GetInt64(3))))
            .OrderBy(c => c.Item1).ThenBy(c => c.Item2, StringComparer.Ordinal).ThenBy(c => c.Item3, StringComparer.Ordinal))
        {
            if (!counts.TryGetValue(batch, out var list))
            {
                counts[batch] = list = [];
            }

            list.Add(new StoredBallotCount(candidate, choice, count));
        }

        var voters = store.Read(
            "SELECT batch_id, candidate, COUNT(*) FROM ballot_voters GROUP BY batch_id, candidate",
            r => (Batch: r.GetInt64(0), Candidate: r.GetString(1), Count: checked((int)r.GetInt64(2))))
            .ToDictionary(v => (v.Batch, v.Candidate), v => v.Count);

        foreach (var (batch, list) in counts)
        {
            foreach (var candidate in list.GroupBy(c => c.Candidate, StringComparer.Ordinal))
            {
                var ballots = candidate.Sum(c => c.Count);
                var voted = voters.GetValueOrDefault((batch, candidate.Key));
                if (ballots != voted)
                {
                    _problems.Add($"批次 #{batch} 无记名投票中候选人 {Show(candidate.Key)} 的选票（{ballots} 张）与已投票评委记录（{voted} 人）不符：选票被增删");
                }
            }

            var close = entries.LastOrDefault(e => e.BatchId == batch && e.Step == "vote");
            if (close is null)
            {
                continue;
            }

            if (!AuditDetail.Facts(close.Detail).TryGetValue(BallotSeal.Fact, out var seal))
            {
                _problems.Add($"批次 #{batch} 有无记名投票的选票，但表决记录 #{close.Seq} 未封存选票：选票是在表决之外添加的");
            }
            else if (BallotSeal.Hash(list) != seal)
            {
                _problems.Add($"批次 #{batch} 的无记名投票选票与投票结束时记入审计记录 #{close.Seq} 的封存哈希不符：选票在投票结束后被改动");
            }
        }

        foreach (var ((batch, candidate), _) in voters.Where(v => !counts.TryGetValue(v.Key.Batch, out var list) || list.All(c => c.Candidate != v.Key.Candidate)))
        {
            _problems.Add($"批次 #{batch} 无记名投票中候选人 {Show(candidate)} 有已投票评委记录，却没有选票：选票被删除");
        }

        foreach (var e in entries.Where(e => e.Step == "vote" && e.BatchId is { } b && !counts.ContainsKey(b) && AuditDetail.Facts(e.Detail).ContainsKey(BallotSeal.Fact)))
        {
            _problems.Add($"审计记录 #{e.Seq}（vote）封存了无记名投票的选票，库中却没有该批次的选票：选票被删除");
        }
    }

    private static string Show(string candidate) => candidate.Replace('|', ' ');

    private void CheckChain()
    {
        var previous = AuditChain.Genesis;
        long expected = 1;
        foreach (var e in entries)
        {
            if (e.Seq != expected)
            {
                _problems.Add($"审计记录 #{expected}{(e.Seq > expected + 1 ? $"–#{e.Seq - 1}" : "")} 缺失（已被删除）");
            }

            if (e.PreviousHash != previous)
            {
                _problems.Add($"审计记录 #{e.Seq}（{e.Step}，{e.User}）与前一条记录的哈希链接断开");
            }
            else if (AuditChain.Hash(e) != e.Hash)
            {
                _problems.Add($"审计记录 #{e.Seq}（{e.Step}，{e.User}，{e.At}）内容已被改动，与审计链不符");
            }

            previous = e.Hash;
            expected = e.Seq + 1;
        }
    }

    private void CheckRows(StoredTableSpec table, Dictionary<(string, long), RowDigest> digests)
    {
        using var command = store.ReadCommand($"SELECT * FROM {table.Name} ORDER BY id");
        using var reader = command.ExecuteReader();
        var idIndex = reader.GetOrdinal("id");
        var hashIndex = reader.GetOrdinal("content_hash");
        var auditIndex = reader.GetOrdinal("audit_id");
        var columns = new List<string>();
        var indices = new List<int>();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (i != idIndex && i != hashIndex)
            {
                columns.Add(reader.GetName(i));
                indices.Add(i);
            }
        }

        var values = new object?[indices.Count];
        while (reader.Read())
        {
            for (var i = 0; i < indices.Count; i++)
            {
                values[i] = reader.GetValue(indices[i]);
            }

            var stored = reader.GetValue(hashIndex) as string ?? "";
            if (RowHash.Of(columns, values) != stored)
            {
                _problems.Add($"{Label(table, reader, idIndex)}内容与审计链不符");
            }

            var auditId = reader.GetValue(auditIndex) is long a ? a : -1;
            if (!digests.TryGetValue((table.Name, auditId), out var digest))
            {
                digests[(table.Name, auditId)] = digest = new RowDigest();
            }

            digest.Add(stored);
        }
    }

    private void CheckDigests(Dictionary<(string Table, long AuditId), RowDigest> digests)
    {
        var finished = digests.ToDictionary(kv => kv.Key, kv => kv.Value.Finish());
        var known = entries.Select(e => e.Seq).ToHashSet();
        foreach (var e in entries)
        {
            var recorded = AuditDetail.Rows(e.Detail);
            foreach (var table in StoredTableSpec.All)
            {
                // A step that wrote no row to a table records "0:…"; no row at all reads as nothing recorded.
                var expected = recorded.GetValueOrDefault(table.Name) is { } r && !r.StartsWith("0:", StringComparison.Ordinal) ? r : null;
                var actual = finished.GetValueOrDefault((table.Name, e.Seq));
                if (expected != actual)
                {
                    _problems.Add(
                        $"审计记录 #{e.Seq}（{e.Step}）所记的{table.Chinese}（{Count(expected)} 条）与库中现有记录（{Count(actual)} 条）不符：记录被增删或改动");
                }
            }
        }

        foreach (var ((table, auditId), _) in finished.Where(kv => !known.Contains(kv.Key.AuditId)))
        {
            var chinese = StoredTableSpec.All.First(t => t.Name == table).Chinese;
            _problems.Add($"{chinese}引用的审计记录 #{auditId} 不存在");
        }
    }

    private static string Count(string? digest) => digest is null ? "0" : digest[..digest.IndexOf(':', StringComparison.Ordinal)];

    private static string Label(StoredTableSpec table, DbDataReader reader, int idIndex)
    {
        var parts = table.LabelColumns.Select(c => Convert.ToString(reader.GetValue(reader.GetOrdinal(c)), System.Globalization.CultureInfo.InvariantCulture));
        return $"{table.Chinese} #{reader.GetValue(idIndex)}（{string.Join(" ", parts)}）";
    }
}
