using System.Data.Common;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using EnterpriseEval.Workflow.Review.Store;

namespace EnterpriseEval.Host.Tests.Support;

/// <summary>Tampering with a review store through the provider's own connection, as someone with database access would.</summary>
internal static class StoreTampering
{
    /// <summary>
    /// What someone with database access and this program's source, but not the audit key, can do: recompute the row
    /// hashes of a table and, with <paramref name="chain"/>, the row digests of the entries, every chain hash and the
    /// head's count and hash.
    /// </summary>
    public static void Reseal(DbConnection connection, string table, bool chain)
    {
        using var tx = connection.BeginTransaction();
        var rows = new List<(long Id, long AuditId, string Hash)>();
        using (var select = Command(connection, tx, $"SELECT * FROM {table} ORDER BY id"))
        using (var reader = select.ExecuteReader())
        {
            var columns = Enumerable.Range(0, reader.FieldCount).Where(i => reader.GetName(i) is not ("id" or "content_hash")).ToList();
            while (reader.Read())
            {
                var hash = RowHash.Of([.. columns.Select(reader.GetName)], [.. columns.Select(reader.GetValue)]);
                rows.Add((reader.GetInt64(reader.GetOrdinal("id")), reader.GetInt64(reader.GetOrdinal("audit_id")), hash));
            }
        }

        foreach (var (id, _, hash) in rows)
        {
            using var update = Command(connection, tx, $"UPDATE {table} SET content_hash = '{hash}' WHERE id = {id}");
            update.ExecuteNonQuery();
        }

        if (chain)
        {
            var entries = new List<(long Seq, long? Batch, string Step, string User, string At, string Detail)>();
            using (var select = Command(connection, tx, "SELECT seq, batch_id, step, user_name, at, detail FROM audit ORDER BY seq"))
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    entries.Add((reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
                }
            }

            var previous = AuditChain.Genesis;
            foreach (var e in entries)
            {
                var detail = e.Detail;
                var mine = rows.Where(r => r.AuditId == e.Seq).ToList();
                if (mine.Count > 0)
                {
                    using var digest = new RowDigest();
                    mine.ForEach(r => digest.Add(r.Hash));
                    var node = JsonNode.Parse(detail)!;
                    node["rows"]![table] = digest.Finish();
                    detail = node.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
                }

                var hash = AuditChain.Hash(previous, e.Seq, e.Batch, e.Step, e.User, e.At, detail);
                using var update = Command(connection, tx, "UPDATE audit SET detail = @d, previous_hash = @p, hash = @h WHERE seq = @s");
                Add(update, "@d", detail);
                Add(update, "@p", previous);
                Add(update, "@h", hash);
                Add(update, "@s", e.Seq);
                update.ExecuteNonQuery();
                previous = hash;
            }

            using var head = Command(connection, tx, $"UPDATE audit_head SET count = {entries[^1].Seq}, hash = '{previous}'");
            head.ExecuteNonQuery();
        }

        tx.Commit();
    }

    private static DbCommand Command(DbConnection connection, DbTransaction tx, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
