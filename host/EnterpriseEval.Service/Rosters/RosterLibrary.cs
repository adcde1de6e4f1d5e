using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using EnterpriseEval.Engine.Output;
using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Engine.Roster.Sources;
using EnterpriseEval.Service.Problems;
using EnterpriseEval.Service.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace EnterpriseEval.Service.Rosters;

/// <summary>
/// Uploaded rosters (docs/service.md, "Uploading a roster"): CSV files, a zip of a roster folder or one .xlsx workbook
/// in a multipart request. Everything is written to a private folder first, checked (limits, zip paths, and a full
/// read by the engine's own readers), then moved into <c>rosters/ID</c> in one rename: a refused upload leaves nothing.
/// </summary>
internal sealed class RosterLibrary(
    ServicePaths paths,
    IOptions<ServiceOptions> options,
    IOptions<RosterLimits> limits,
    IEnumerable<ITableSourceOpener> formats,
    ServiceAudit audit,
    TimeProvider time)
{
    public const string InfoFile = "roster.json";
    public const string FilesFolder = "files";
    public const string WorkbookName = "roster.xlsx";
    private const string IncomingPrefix = ".incoming-";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Reads, checks and stores the roster a multipart request carries.</summary>
    public async Task<RosterUpload> UploadAsync(HttpRequest request, Actor actor, CancellationToken ct)
    {
        var o = options.Value;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            throw ApiProblem.UnsupportedType("上传花名册须使用 multipart/form-data：CSV 文件（可多个）、一个花名册文件夹的 .zip，或一个 .xlsx 工作簿");
        }

        if (request.ContentLength > o.MaxUploadBytes)
        {
            throw TooLarge(o);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = o.MaxUploadBytes;
        }

        return await StoreAsync(incoming => ReceiveAsync(request.Body, boundary, incoming, o, ct), actor, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks and stores the roster of a web form's files (the HR officer's upload page): the same limits, checks and
    /// one rename as <see cref="UploadAsync(HttpRequest, Actor, CancellationToken)"/>.
    /// </summary>
    public Task<RosterUpload> UploadAsync(IReadOnlyList<IFormFile> files, Actor actor, CancellationToken ct)
    {
        var o = options.Value;
        return StoreAsync(async incoming =>
        {
            var received = new List<ReceivedFile>();
            var total = 0L;
            foreach (var file in files)
            {
                var name = SafeName(file.FileName);
                if (received.Count >= o.MaxUploadFiles)
                {
                    throw TooMany(o);
                }

                if (received.Any(r => r.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
                {
                    throw ApiProblem.BadRequest($"上传中有两个同名文件 {name}");
                }

                total += file.Length;
                if (total > o.MaxUploadBytes)
                {
                    throw TooLarge(o);
                }

                var stored = Path.Combine(incoming, $"upload-{received.Count}");
                var target = File.Create(stored);
                await using (target.ConfigureAwait(false))
                {
                    await file.CopyToAsync(target, ct).ConfigureAwait(false);
                }

                received.Add(new ReceivedFile(name, stored));
            }

            return received.Count > 0
                ? received
                : throw ApiProblem.BadRequest("没有选择文件：请选择 CSV 文件（可多个）、一个花名册文件夹的 .zip，或一个 .xlsx 工作簿");
        }, actor, ct);
    }

    /// <summary>Receives the files into a private folder, checks and reads them, then moves the roster into place.</summary>
    private async Task<RosterUpload> StoreAsync(Func<string, Task<List<ReceivedFile>>> receive, Actor actor, CancellationToken ct)
    {
        var o = options.Value;
        Directory.CreateDirectory(paths.Rosters);
        var id = "r" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var incoming = Path.Combine(paths.Rosters, IncomingPrefix + id);
        var files = Path.Combine(incoming, FilesFolder);
        Directory.CreateDirectory(files);
        try
        {
            var received = await receive(incoming).ConfigureAwait(false);
            var (kind, readPath, names) = Lay(received, incoming, files, o);
            var read = await Task.Run(() => RosterReader.ReadFolder(readPath, ct, limits.Value, formats), ct).ConfigureAwait(false);
            var info = new RosterInfo(
                id, kind, names, actor.UserName, time.GetUtcNow(), read.Records.Count, read.EmployeeRowsRead, read.Rejects.Count, read.Warnings);
            await File.WriteAllTextAsync(Path.Combine(incoming, InfoFile), JsonSerializer.Serialize(info, Json), ct).ConfigureAwait(false);
            foreach (var leftover in Directory.EnumerateFiles(incoming, "upload-*"))
            {
                File.Delete(leftover);
            }

            // One rename: the roster appears whole or not at all; and only with its audit entry.
            Publish(incoming, id, () => audit.Record(
                "upload", actor, $"上传花名册 {id}（{string.Join("、", names)}）：{read.Records.Count} 名员工，拒收 {read.Rejects.Count} 行",
                new Dictionary<string, string> { ["roster"] = id, ["files"] = string.Join(";", names) }));
            return new RosterUpload(info, [.. read.Rejects.Take(200).Select(r => new RejectItem(r.File, r.Row, r.Column, IdentityScrubber.Scrub(r.Value), r.Reason))]);
        }
        finally
        {
            if (Directory.Exists(incoming))
            {
                Directory.Delete(incoming, recursive: true);
            }
        }
    }

    /// <summary>The stored roster of that id, or null (an id is never a path: anything but r + 16 hex digits is unknown).</summary>
    public RosterInfo? Find(string id)
    {
        if (id.Length != 17 || id[0] != 'r' || id.AsSpan(1).ContainsAnyExcept("0123456789abcdef"))
        {
            return null;
        }

        var file = Path.Combine(paths.Rosters, id, InfoFile);
        return File.Exists(file) ? JsonSerializer.Deserialize<RosterInfo>(File.ReadAllText(file), Json) : null;
    }

    public IReadOnlyList<RosterInfo> All() =>
        !Directory.Exists(paths.Rosters)
            ? []
            : [.. Directory.EnumerateDirectories(paths.Rosters).Select(d => Find(Path.GetFileName(d))).OfType<RosterInfo>().OrderBy(r => r.UploadedAt)];

    /// <summary>What the engine's readers open for a stored roster: its folder of CSV files, or its workbook.</summary>
    public string ReadPath(RosterInfo roster)
    {
        var files = Path.Combine(paths.Rosters, roster.Id, FilesFolder);
        return roster.Kind == "xlsx" ? Path.Combine(files, WorkbookName) : files;
    }

    /// <summary>Stores a roster folder of this machine as an upload would (the demo's sample roster).</summary>
    public RosterInfo Import(string folder, Actor actor)
    {
        Directory.CreateDirectory(paths.Rosters);
        var id = "r" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var incoming = Path.Combine(paths.Rosters, IncomingPrefix + id);
        var files = Path.Combine(incoming, FilesFolder);
        Directory.CreateDirectory(files);
        try
        {
            var names = new List<string>();
            foreach (var csv in Directory.EnumerateFiles(folder, "*.csv").Order(StringComparer.Ordinal))
            {
                File.Copy(csv, Path.Combine(files, Path.GetFileName(csv)));
                names.Add(Path.GetFileName(csv));
            }

            var read = RosterReader.ReadFolder(files, CancellationToken.None, limits.Value, formats);
            var info = new RosterInfo(id, "csv", names, actor.UserName, time.GetUtcNow(), read.Records.Count, read.EmployeeRowsRead, read.Rejects.Count, read.Warnings);
            File.WriteAllText(Path.Combine(incoming, InfoFile), JsonSerializer.Serialize(info, Json));
            Publish(incoming, id, () => audit.Record(
                "upload", actor, $"导入花名册 {id}（{Path.GetFileName(folder)}）：{read.Records.Count} 名员工",
                new Dictionary<string, string> { ["roster"] = id, ["files"] = string.Join(";", names) }));
            return info;
        }
        finally
        {
            if (Directory.Exists(incoming))
            {
                Directory.Delete(incoming, recursive: true);
            }
        }
    }

    /// <summary>Moves a checked roster into place, then records it; a roster whose entry cannot be written is removed.</summary>
    private void Publish(string incoming, string id, Action record)
    {
        var final = Path.Combine(paths.Rosters, id);
        Directory.Move(incoming, final);
        try
        {
            record();
        }
        catch
        {
            Directory.Delete(final, recursive: true);
            throw;
        }
    }

    private static ApiProblem TooLarge(ServiceOptions o) =>
        ApiProblem.TooLarge($"上传内容超过上限 {o.MaxUploadBytes:N0} 字节（配置项 {ServiceOptions.SectionName}:MaxUploadBytes），未保存任何内容");

    private static ApiProblem TooMany(ServiceOptions o) =>
        ApiProblem.TooLarge($"上传的文件超过 {o.MaxUploadFiles} 个（含 zip 中的条目；配置项 {ServiceOptions.SectionName}:MaxUploadFiles），未保存任何内容");

    /// <summary>Writes every file part of the request under <paramref name="incoming"/>, counting bytes and files.</summary>
    private static async Task<List<ReceivedFile>> ReceiveAsync(Stream body, string boundary, string incoming, ServiceOptions o, CancellationToken ct)
    {
        var received = new List<ReceivedFile>();
        var limited = new LimitedStream(body, o.MaxUploadBytes, () => TooLarge(o));
        var reader = new MultipartReader(boundary, limited) { HeadersLengthLimit = 16 * 1024, BodyLengthLimit = o.MaxUploadBytes };
        MultipartSection? section;
        try
        {
            section = await reader.ReadNextSectionAsync(ct).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw ApiProblem.BadRequest($"multipart 请求格式有误：{e.Message}");
        }

        while (section is not null)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
            {
                var original = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                var name = SafeName(original);
                if (received.Count >= o.MaxUploadFiles)
                {
                    throw TooMany(o);
                }

                if (received.Any(r => r.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
                {
                    throw ApiProblem.BadRequest($"上传中有两个同名文件 {name}");
                }

                var stored = Path.Combine(incoming, $"upload-{received.Count}");
                var target = File.Create(stored);
                await using (target.ConfigureAwait(false))
                {
                    await section.Body.CopyToAsync(target, ct).ConfigureAwait(false);
                }

                received.Add(new ReceivedFile(name, stored));
            }

            try
            {
                section = await reader.ReadNextSectionAsync(ct).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw ApiProblem.BadRequest($"multipart 请求格式有误：{e.Message}");
            }
        }

        if (received.Count == 0)
        {
            throw ApiProblem.BadRequest("请求中没有文件：请以 multipart/form-data 上传 CSV 文件、一个 .zip 或一个 .xlsx 工作簿");
        }

        return received;
    }

    /// <summary>Puts the received files where the roster readers expect them: a CSV folder or one workbook.</summary>
    private (string Kind, string ReadPath, IReadOnlyList<string> Names) Lay(List<ReceivedFile> received, string incoming, string files, ServiceOptions o)
    {
        var kinds = received.Select(r => Path.GetExtension(r.Name).ToLowerInvariant()).Distinct().ToList();
        if (kinds.Any(k => k is not (".csv" or ".zip" or ".xlsx")))
        {
            var bad = received.First(r => Path.GetExtension(r.Name).ToLowerInvariant() is not (".csv" or ".zip" or ".xlsx"));
            throw ApiProblem.UnsupportedType($"不支持的文件 {bad.Name}：只接受 .csv 文件、一个 .zip（花名册文件夹）或一个 .xlsx 工作簿");
        }

        if (kinds.Count > 1 || (kinds[0] is ".zip" or ".xlsx" && received.Count > 1))
        {
            throw ApiProblem.BadRequest("一次上传只能是若干 CSV 文件、或一个 .zip、或一个 .xlsx 工作簿，不能混合");
        }

        switch (kinds[0])
        {
            case ".xlsx":
                File.Move(received[0].StoredAt, Path.Combine(files, WorkbookName));
                return ("xlsx", Path.Combine(files, WorkbookName), [received[0].Name]);
            case ".zip":
                var names = Unzip(received[0], files, o);
                return ("zip", files, names);
            default:
                foreach (var r in received)
                {
                    File.Move(r.StoredAt, Path.Combine(files, r.Name));
                }

                return ("csv", files, [.. received.Select(r => r.Name)]);
        }
    }

    /// <summary>
    /// Extracts the CSV files of a zipped roster folder: every entry's path is checked (no <c>..</c>, no absolute path,
    /// no backslash), the CSV files must sit in one folder, and what is written is counted against
    /// <see cref="ServiceOptions.MaxExpandedBytes"/> as it is written, whatever the zip's headers claim.
    /// </summary>
    private static List<string> Unzip(ReceivedFile zip, string files, ServiceOptions o)
    {
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(zip.StoredAt);
        }
        catch (InvalidDataException)
        {
            throw ApiProblem.BadRequest($"{zip.Name} 不是有效的 zip 文件");
        }

        using (archive)
        {
            var entries = archive.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
            if (entries.Count > o.MaxUploadFiles)
            {
                throw TooMany(o);
            }

            foreach (var e in archive.Entries)
            {
                if (!SafeEntry(e.FullName))
                {
                    throw ApiProblem.BadRequest($"{zip.Name} 中的条目“{e.FullName}”路径不安全（含 ..、绝对路径或反斜杠），整个上传已拒收");
                }
            }

            var csv = entries.Where(e => e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !e.FullName.Contains("__MACOSX/", StringComparison.Ordinal)).ToList();
            if (csv.Count == 0)
            {
                throw ApiProblem.Roster($"{zip.Name} 中没有 CSV 文件：应为一个花名册文件夹（含 employees.csv）的压缩包", zip.Name);
            }

            var folders = csv.Select(e => e.FullName[..(e.FullName.Length - e.Name.Length)]).Distinct(StringComparer.Ordinal).ToList();
            if (folders.Count > 1)
            {
                throw ApiProblem.BadRequest($"{zip.Name} 中的 CSV 文件分散在多个文件夹（{string.Join("、", folders.Select(f => f.Length == 0 ? "根目录" : f))}），应为一个花名册文件夹");
            }

            var budget = o.MaxExpandedBytes;
            var names = new List<string>();
            foreach (var e in csv)
            {
                var name = SafeName(e.Name);
                if (names.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    throw ApiProblem.BadRequest($"{zip.Name} 中有两个同名文件 {name}");
                }

                if (e.Length > budget)
                {
                    throw ExpandedTooLarge(zip, o);
                }

                using var source = e.Open();
                using var target = File.Create(Path.Combine(files, name));
                var buffer = new byte[81920];
                int n;
                while ((n = source.Read(buffer)) > 0)
                {
                    budget -= n;
                    if (budget < 0)
                    {
                        throw ExpandedTooLarge(zip, o);
                    }

                    target.Write(buffer, 0, n);
                }

                names.Add(name);
            }

            return names;
        }
    }

    private static ApiProblem ExpandedTooLarge(ReceivedFile zip, ServiceOptions o) =>
        ApiProblem.TooLarge($"{zip.Name} 解压后超过 {o.MaxExpandedBytes:N0} 字节（配置项 {ServiceOptions.SectionName}:MaxExpandedBytes），疑为压缩炸弹，未保存任何内容");

    internal static bool SafeEntry(string fullName) =>
        fullName.Length > 0
        && !fullName.Contains('\\', StringComparison.Ordinal)
        && !fullName.StartsWith('/')
        && !fullName.Contains(':', StringComparison.Ordinal)
        && fullName.Split('/').All(s => s is not (".." or "."));

    /// <summary>A file name as stored: the last segment, of letters, digits, CJK, <c>-_.</c> and spaces only.</summary>
    internal static string SafeName(string original)
    {
        var name = original.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..].Trim();
        if (name.Length is 0 or > 128 || name.StartsWith('.') || name.Any(c => char.IsControl(c) || c is ':' or '*' or '?' or '"' or '<' or '>' or '|'))
        {
            throw ApiProblem.BadRequest($"文件名“{original}”不可用：请使用普通文件名（如 employees.csv）");
        }

        return name;
    }

    private sealed record ReceivedFile(string Name, string StoredAt);
}

/// <summary>A stored roster as the API shows it.</summary>
internal sealed record RosterInfo(
    string Id, string Kind, IReadOnlyList<string> Files, string UploadedBy, DateTimeOffset UploadedAt, int Employees, int EmployeeRowsRead,
    int Rejects, IReadOnlyList<string> Warnings);

/// <summary>The answer to an upload: the roster and its first rejected rows (file, row, column, reason).</summary>
internal sealed record RosterUpload(RosterInfo Roster, IReadOnlyList<RejectItem> RejectedRows);

/// <summary>One rejected row or value of a roster, with the 身份证号 in its value masked.</summary>
internal sealed record RejectItem(string File, int Row, string Column, string Value, string Reason);
