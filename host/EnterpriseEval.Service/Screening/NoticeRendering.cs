using System.IO.Compression;
using EnterpriseEval.Engine.Notices;
using EnterpriseEval.Engine.Screening;
using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Service.Problems;

namespace EnterpriseEval.Service.Screening;

/// <summary>
/// Notices of a completed screening (docs/service.md, "Notices"), rendered by the same pipeline as <c>eeval notices</c>
/// (<see cref="NoticesJob"/>, the plug-ins' templates, the 身份证号 masked as configured) into the job's folder once per
/// kind, format and date, then served one at a time or as a zip.
/// </summary>
internal sealed class NoticeRendering(NoticesJob notices, TimeProvider time)
{
    public static DocumentKind ParseKind(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw ApiProblem.BadRequest($"请用 kind 指定文书种类，可用值：{Usable()}");
        }

        return DocumentKinds.TryParse(text, out var kind) && NoticeModels.RosterKinds.Contains(kind)
            ? kind
            : throw ApiProblem.BadRequest($"kind 的值“{text}”不是可由名册生成的文书种类，可用值：{Usable()}");
    }

    public static DocumentFormat ParseFormat(string? text) => (text ?? "html").Trim().ToLowerInvariant() switch
    {
        "html" => DocumentFormat.Html,
        "md" or "markdown" => DocumentFormat.Markdown,
        _ => throw ApiProblem.BadRequest($"format 只能是 html 或 md，收到：{text}"),
    };

    /// <summary>The folder holding every notice of that kind, format and date, rendered on first use.</summary>
    public async Task<(string Folder, IReadOnlyList<NoticeIndexRow> Index)> RenderAsync(
        ScreeningResults results, DocumentKind kind, DocumentFormat format, DateOnly? issuedOn, CancellationToken ct)
    {
        var on = issuedOn ?? DateOnly.FromDateTime(time.GetLocalNow().Date);
        var name = $"{kind.ToCode()}-{(format == DocumentFormat.Html ? "html" : "md")}-{on:yyyyMMdd}";
        var folder = Path.Combine(results.Folder, "notices", name);
        await results.Rendering.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (!File.Exists(Path.Combine(folder, NoticesJob.IndexFile)))
            {
                // Rendered aside and moved in whole: a failed rendering leaves no half folder behind. The staging folder
                // is this process's own, since another instance on the shared data folder may render the same kind at
                // the same moment: whichever moves its folder in first wins, the other's is dropped (the same notices).
                var staging = $"{folder}.staging-{Environment.ProcessId}-{Guid.NewGuid():N}";
                Directory.CreateDirectory(staging);
                try
                {
                    var request = new NoticesRequest(new ScreeningRequest("", results.Screened.Result.AsOf, staging), kind, format, on);
                    await Task.Run(() => notices.Render(results.Screened, request), ct).ConfigureAwait(false);
                    PublishFolder(staging, folder);
                }
                finally
                {
                    if (Directory.Exists(staging))
                    {
                        Directory.Delete(staging, recursive: true);
                    }
                }
            }
        }
        finally
        {
            results.Rendering.Release();
        }

        return (folder, ReadIndex(Path.Combine(folder, NoticesJob.IndexFile)));
    }

    /// <summary>
    /// Moves a folder rendered aside into place in one rename; when another instance put the same folder in place first,
    /// that one stays (the caller deletes its own).
    /// </summary>
    public static void PublishFolder(string staging, string folder)
    {
        try
        {
            Directory.Move(staging, folder);
        }
        catch (IOException) when (Directory.Exists(folder))
        {
            // Rendered by another instance meanwhile.
        }
    }

    /// <summary>A zip of every file of a rendered folder.</summary>
    public static byte[] Zip(string folder)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                zip.CreateEntryFromFile(file, Path.GetFileName(file), CompressionLevel.Optimal);
            }
        }

        return buffer.ToArray();
    }

    private static string Usable() => string.Join("、", NoticeModels.RosterKinds.Select(k => $"{k.ToCode()}（{k.ToChinese()}）"));

    private static List<NoticeIndexRow> ReadIndex(string path)
    {
        var rows = new List<NoticeIndexRow>();
        var lines = File.ReadAllLines(path);
        foreach (var line in lines.Skip(1))
        {
            var f = SplitCsv(line);
            if (f.Count >= 8)
            {
                rows.Add(new NoticeIndexRow(Unsafe(f[2]), Unsafe(f[3]), f[5], f[6], f[7]));
            }
        }

        return rows;
    }

    // SpreadsheetText.Safe prefixes a quote to a value a spreadsheet would take for a formula.
    private static string Unsafe(string value) => value.StartsWith('\'') ? value[1..] : value;

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}

/// <summary>One line of a rendered kind's <c>index.csv</c>.</summary>
internal sealed record NoticeIndexRow(string EmployeeId, string Name, string File, string Status, string Reason);
