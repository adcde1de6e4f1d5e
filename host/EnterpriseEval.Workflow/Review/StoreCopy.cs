using System.Diagnostics;
using System.Globalization;
using EnterpriseEval.Engine;
using EnterpriseEval.Workflow.Review.Store;

namespace EnterpriseEval.Workflow.Review;

/// <summary>
/// <c>eeval store copy</c> (docs/store.md, "Copying a store"): copies a whole review store — every table the source
/// holds, every column by name, every row with its id — into a new SQLite file or an empty PostgreSQL database, so the
/// audit chain, its signed head and every row's content hash are the same in the copy and <c>review verify</c> passes
/// on it. The source is read under its write lock (one consistent state; steps of other commands wait); the target is
/// written in one transaction holding its write lock, a new SQLite file under a temporary name that is renamed into
/// place only when complete, so a failed copy leaves no half-written target.
/// </summary>
internal sealed class StoreCopy(ReviewStoreFactory stores)
{
    /// <summary>Rows between two progress reports (and checks for Ctrl+C).</summary>
    public const int ReportEvery = 10_000;

    private const string SchemaVersionTable = "schema_version";

    /// <summary>Copies the store at <paramref name="from"/> into <paramref name="to"/>.</summary>
    /// <param name="from">The source store: must exist; brought to the latest schema version when opened.</param>
    /// <param name="to">The target: a SQLite file that does not exist yet (or an empty store), or an empty PostgreSQL database.</param>
    /// <param name="progress">Told each table's rows as they are copied.</param>
    /// <param name="cancellationToken">Stops the copy; nothing is left in the target.</param>
    /// <exception cref="UserFacingException">A target that holds records, a missing folder, a store that cannot be opened, a value the target cannot hold.</exception>
    public StoreCopyResult Run(StoreLocation from, StoreLocation to, Action<StoreCopyStage>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (from.Provider == to.Provider && (from.Provider == StoreLocation.Sqlite ? from.Target == to.Target : from.Display == to.Display))
        {
            throw new UserFacingException($"源与目标是同一个评审数据库（{to.Display}）：请为 --to 指定另一个 SQLite 文件或另一个 PostgreSQL 数据库；本次未做任何改动");
        }

        if (from.Provider == StoreLocation.Sqlite && !File.Exists(from.Target))
        {
            throw new UserFacingException($"找不到要复制的评审数据库（--from）：{from.Target}；本次未做任何改动");
        }

        string? temporary = null;
        var writeTo = to;
        if (to.Provider == StoreLocation.Sqlite)
        {
            var folder = Path.GetDirectoryName(to.Target)!;
            if (!Directory.Exists(folder))
            {
                throw new UserFacingException($"目标文件夹不存在：{folder}。请先建立该文件夹，或为 --to 换一个路径；本次未做任何改动");
            }

            if (Directory.Exists(to.Target))
            {
                throw new UserFacingException($"目标 {to.Target} 是一个文件夹：--to 应为 SQLite 文件的路径（如 {Path.Combine(to.Target, "review.db")}）；本次未做任何改动");
            }

            if (!File.Exists(to.Target))
            {
                // A new file is written whole under another name and renamed into place only when complete.
                temporary = Path.Combine(folder, $".{Path.GetFileName(to.Target)}.eeval-copy-{Environment.ProcessId}-{Guid.NewGuid():N}");
                writeTo = new StoreLocation(StoreLocation.Sqlite, temporary);
            }
        }

        using var source = stores.Open(from, key: null, mustExist: true);
        try
        {
            IReadOnlyList<CopiedTable> tables;
            int version;
            using (var target = stores.Open(writeTo, key: null, mustExist: false))
            {
                (tables, version) = Copy(source, target, to, progress, cancellationToken);
            }

            if (temporary is not null)
            {
                Publish(temporary, to.Target);
                temporary = null;
            }

            return new StoreCopyResult(from.Display, to.Display, version, tables, clock.Elapsed);
        }
        finally
        {
            if (temporary is not null)
            {
                Remove(temporary);
            }
        }
    }

    /// <summary>
    /// The problems <c>review verify</c> finds in the copy (<see cref="ReviewStore.Verify"/>: chain, signed head, every
    /// row, the ballots' seals, issued files), and its signed head; no problem means it passed.
    /// </summary>
    public (IReadOnlyList<string> Problems, int Entries, AuditHead? Head) Verify(StoreLocation to)
    {
        using var store = stores.Open(to, key: null, mustExist: true);
        return (store.Verify(), store.Audit(null).Count, store.Head());
    }

    /// <summary>The tables in an order where every table comes after those its foreign keys refer to (then by name).</summary>
    internal static List<StoreTable> InDependencyOrder(IReadOnlyList<StoreTable> tables)
    {
        var byName = tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<StoreTable>();
        var remaining = tables.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        while (remaining.Count > 0)
        {
            // A table is ready when every table it refers to (other than itself, and only those the store has) is placed;
            // a cycle, which no migration makes, is broken by name rather than never ending.
            var ready = remaining.FirstOrDefault(t => t.References.All(r => r == t.Name || done.Contains(r) || !byName.ContainsKey(r))) ?? remaining[0];
            ordered.Add(ready);
            done.Add(ready.Name);
            remaining.Remove(ready);
        }

        return ordered;
    }

    private static (IReadOnlyList<CopiedTable> Tables, int Version) Copy(
        ReviewStore source, ReviewStore target, StoreLocation to, Action<StoreCopyStage>? progress, CancellationToken cancellationToken)
    {
        // The source under its write lock: no step lands in it while it is read, so the copy is one state of it.
        using var reading = source.Lock();
        using var writing = target.Lock();
        var version = source.SchemaVersion;
        if (target.SchemaVersion != version)
        {
            throw new UserFacingException(
                $"源库的结构版本（{version}）与目标库（{to.Display}）的结构版本（{target.SchemaVersion}）不同，不能复制：请用同一版本的 eeval 打开两者后重试；本次未做任何改动");
        }

        var tables = InDependencyOrder(source.Tables());
        var targetTables = target.Tables().ToDictionary(t => t.Name, StringComparer.Ordinal);
        var plan = new List<(StoreTable Source, StoreTable Target, string[] Columns)>();
        foreach (var table in tables)
        {
            if (!targetTables.TryGetValue(table.Name, out var into))
            {
                throw new UserFacingException(
                    $"目标库（{to.Display}）中没有源库的表 {table.Name}：两库的结构不同（该表不是由 eeval 的结构升级建立的，或目标库被改动过），本次未做任何改动");
            }

            var sourceColumns = table.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            var targetColumns = into.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            if (!sourceColumns.SetEquals(targetColumns))
            {
                var missing = sourceColumns.Except(targetColumns).Select(c => c + "（目标库缺少）")
                    .Concat(targetColumns.Except(sourceColumns).Select(c => c + "（源库缺少）"));
                throw new UserFacingException(
                    $"源库与目标库（{to.Display}）的表 {table.Name} 的列不同：{string.Join("、", missing)}；本次未做任何改动");
            }

            // Columns by name, in the target's order.
            plan.Add((table, into, [.. into.Columns.Select(c => c.Name)]));
        }

        RefuseRecords(target, to, plan.Select(p => p.Target));
        var copied = new List<CopiedTable>();
        foreach (var (from, into, columns) in plan)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var total = source.CountRows(from);
            progress?.Invoke(new StoreCopyStage(from.Name, 0, total));
            if (from.Name == SchemaVersionTable)
            {
                // The target's own rows (written when it was opened) give way to the source's history of migrations.
                target.DeleteRows(into);
            }

            long rows = 0;
            using (var copier = target.OpenCopy(into, columns))
            {
                foreach (var row in source.ReadRows(from, columns))
                {
                    try
                    {
                        copier.Write(row);
                    }
                    catch (Exception e) when (e is StoreCopyValueException or OverflowException or InvalidCastException or FormatException)
                    {
                        throw new UserFacingException(
                            $"源库表 {from.Name} 中{Key(from, columns, row)}的行无法写入目标库（{to.Display}）：列 "
                            + $"{(e as StoreCopyValueException)?.Column ?? "?"} 的值{e.Message}。请先运行 eeval review verify 检查源库；本次未做任何改动",
                            e);
                    }

                    if (++rows % ReportEvery == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        progress?.Invoke(new StoreCopyStage(from.Name, rows, total));
                    }
                }

                copier.Complete();
            }

            target.AfterCopy(into);
            if (rows != total)
            {
                throw new InvalidOperationException($"{from.Name}: counted {total} rows, read {rows}, under the source's write lock.");
            }

            progress?.Invoke(new StoreCopyStage(from.Name, rows, total));
            copied.Add(new CopiedTable(from.Name, rows));
        }

        writing.Commit();
        return (copied, version);
    }

    /// <summary>A target that already holds records is refused: the copy never mixes two histories.</summary>
    private static void RefuseRecords(ReviewStore target, StoreLocation to, IEnumerable<StoreTable> tables)
    {
        var held = new List<string>();
        foreach (var table in tables.Where(t => t.Name != SchemaVersionTable))
        {
            var count = target.CountRows(table);
            if (count > 0)
            {
                held.Add(string.Create(CultureInfo.InvariantCulture, $"{Chinese(table.Name)} {count} 行"));
            }
        }

        if (held.Count > 0)
        {
            throw new UserFacingException(
                $"目标评审数据库（{to.Display}）已有记录（{string.Join("、", held)}），不能复制到其中：--to 须为尚不存在的 SQLite 文件或空的 PostgreSQL 数据库，"
                + "以免两段审计记录混在一起；本次未做任何改动");
        }
    }

    private static string Chinese(string table) => table switch
    {
        "audit" => "审计记录",
        "audit_head" => "审计链头",
        "accounts" => "账户",
        "api_tokens" => "API 令牌",
        "ballot_counts" => "无记名投票计票",
        _ => StoredTableSpec.All.FirstOrDefault(s => s.Name == table)?.Chinese ?? "表 " + table,
    };

    private static string Key(StoreTable table, string[] columns, object?[] row)
    {
        var key = table.PrimaryKey.Count > 0 ? table.PrimaryKey : columns;
        return "主键为 " + string.Join("，", key.Select(k => $"{k}={Convert.ToString(row[Array.IndexOf(columns, k)], CultureInfo.InvariantCulture)}")) + " ";
    }

    private static void Publish(string temporary, string target)
    {
        try
        {
            // Never over a file that appeared meanwhile (another command created the store).
            File.Move(temporary, target, overwrite: false);
        }
        catch (IOException e)
        {
            throw new UserFacingException($"复制完成，但无法把临时文件改名为 {target}（{e.Message}）：该文件可能在复制期间被其他程序建立；本次未做任何改动", e);
        }
    }

    private static void Remove(string temporary)
    {
        foreach (var file in new[] { temporary, temporary + "-journal" })
        {
            try
            {
                File.Delete(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort: a leftover temporary file is named by its prefix and harmless.
            }
        }
    }
}

/// <summary>Where a copy stands: <paramref name="Done"/> of <paramref name="Total"/> rows of <paramref name="Table"/>.</summary>
internal sealed record StoreCopyStage(string Table, long Done, long Total);

/// <summary>One table copied and its rows.</summary>
internal sealed record CopiedTable(string Name, long Rows);

/// <summary>What a copy did: from where to where (as messages name them, no password), the schema version, the tables.</summary>
internal sealed record StoreCopyResult(string From, string To, int SchemaVersion, IReadOnlyList<CopiedTable> Tables, TimeSpan Elapsed)
{
    public long Rows => Tables.Sum(t => t.Rows);
}
