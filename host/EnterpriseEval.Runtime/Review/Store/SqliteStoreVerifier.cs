using Microsoft.Data.Sqlite;

namespace EnterpriseEval.Runtime.Review.Store;

/// <summary>
/// <c>review verify</c> on a SQLite store: walks the audit chain, recomputes every row's content hash and every
/// entry's row digests, and names each entry or row that no longer matches.
/// </summary>
internal sealed class SqliteStoreVerifier(SqliteConnection connection, IReadOnlyList<AuditEntry> entries)
{
    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Problems()
    {
        CheckChain();
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

        return _problems;
    }

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
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table.Name} ORDER BY id";
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

    private static string Label(StoredTableSpec table, SqliteDataReader reader, int idIndex)
    {
        var parts = table.LabelColumns.Select(c => Convert.ToString(reader.GetValue(reader.GetOrdinal(c)), System.Globalization.CultureInfo.InvariantCulture));
        return $"{table.Chinese} #{reader.GetValue(idIndex)}（{string.Join(" ", parts)}）";
    }
}
