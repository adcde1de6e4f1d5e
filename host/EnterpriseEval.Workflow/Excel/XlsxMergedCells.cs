using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace EnterpriseEval.Workflow.Excel;

/// <summary>
/// Finds a sheet's merged ranges without reading its rows. A sheet's XML lists them in <c>&lt;mergeCells&gt;</c>,
/// after <c>&lt;sheetData&gt;</c>, i.e. after every row: the sheet is decompressed once and searched as bytes for that
/// element (no XML parsing, nothing kept but the element itself), so a 100,000-row sheet costs one fast scan.
/// </summary>
/// <remarks>
/// MiniExcel's own <c>FillMergedCells</c> option is not used: it parses the whole sheet once more as XML, keeps an
/// entry for every cell of every range (a department merged down 100,000 rows is 100,000 entries) and would spread a
/// merged header cell into two columns of the same name. <see cref="XlsxMergeFill"/> does the spreading instead.
/// </remarks>
internal static partial class XlsxMergedCells
{
    private const int ChunkSize = 1 << 16;

    // An element's start tag is at most a prefix, a colon and the name away from the '<': keep that much of the
    // previous chunk so that a tag split between two reads is still found.
    private const int Overlap = 64;

    private static ReadOnlySpan<byte> Name => "mergeCells"u8;

    /// <summary>The merged ranges of the sheet called <paramref name="sheetName"/>, ordered by first row.</summary>
    public static IReadOnlyList<XlsxMergedRange> Read(string path, string sheetName)
    {
        // Shared like MiniExcel's own reads: HR often has the workbook open in Excel while screening it.
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var zip = new ZipArchive(file, ZipArchiveMode.Read);
        if (SheetEntry(zip, sheetName) is not { } entry)
        {
            return [];
        }

        using var stream = entry.Open();
        return Read(stream);
    }

    /// <summary>The merged ranges listed in one sheet's XML, ordered by first row.</summary>
    public static IReadOnlyList<XlsxMergedRange> Read(Stream sheetXml)
    {
        var element = MergeCellsElement(sheetXml);
        if (element is null)
        {
            return [];
        }

        var ranges = new List<XlsxMergedRange>();
        foreach (Match match in RefAttribute().Matches(element))
        {
            if (XlsxMergedRange.TryParse(match.Groups["ref"].ValueSpan, out var range))
            {
                ranges.Add(range);
            }
        }

        // Stable: ranges starting on the same row keep the order the sheet lists them in.
        return [.. ranges.OrderBy(r => r.FirstRow)];
    }

    /// <summary>The text of the <c>mergeCells</c> element, from its start tag to its end tag; null when there is none.</summary>
    private static string? MergeCellsElement(Stream sheetXml)
    {
        var buffer = new byte[ChunkSize + Overlap];
        var kept = 0;
        while (true)
        {
            var read = sheetXml.ReadAtLeast(buffer.AsSpan(kept, ChunkSize), ChunkSize, throwOnEndOfStream: false);
            var length = kept + read;
            var start = FindStartTag(buffer.AsSpan(0, length), out var nameAt);
            if (start >= 0)
            {
                return ReadElement(sheetXml, buffer.AsSpan(start, length - start), nameAt - start);
            }

            if (read == 0)
            {
                return null;
            }

            kept = Math.Min(Overlap, length);
            buffer.AsSpan(length - kept, kept).CopyTo(buffer);
        }
    }

    /// <summary>
    /// Where <c>&lt;mergeCells</c> (or <c>&lt;x:mergeCells</c>) starts in <paramref name="data"/>, or -1.
    /// <paramref name="nameAt"/> is where the name itself starts. Cell text cannot hold a '&lt;' (it is escaped), so a
    /// name preceded by '&lt;' and a prefix is the element.
    /// </summary>
    private static int FindStartTag(ReadOnlySpan<byte> data, out int nameAt)
    {
        var from = 0;
        while (true)
        {
            var hit = data[from..].IndexOf(Name);
            if (hit < 0)
            {
                nameAt = -1;
                return -1;
            }

            nameAt = from + hit;
            from = nameAt + Name.Length;
            var after = from < data.Length ? data[from] : (byte)' ';
            if (after is not ((byte)' ' or (byte)'>' or (byte)'/' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                continue;
            }

            var i = nameAt - 1;
            if (i >= 0 && data[i] == ':')
            {
                i--;
                while (i >= 0 && IsNameByte(data[i]))
                {
                    i--;
                }
            }

            if (i >= 0 && data[i] == '<')
            {
                return i;
            }
        }
    }

    private static bool IsNameByte(byte b) => char.IsAsciiLetterOrDigit((char)b) || b is (byte)'_' or (byte)'-' or (byte)'.';

    /// <summary>
    /// Reads on from the start tag (<paramref name="head"/> holds what was read already) to the end tag, or to the end
    /// of the start tag when it closes itself (<c>&lt;mergeCells count="0"/&gt;</c>).
    /// </summary>
    private static string ReadElement(Stream sheetXml, ReadOnlySpan<byte> head, int nameAt)
    {
        var element = new MemoryStream();
        element.Write(head);
        var chunk = new byte[ChunkSize];
        var afterName = nameAt + Name.Length;
        while (true)
        {
            var text = element.GetBuffer().AsSpan(0, (int)element.Length);
            var tagEnd = text[afterName..].IndexOf((byte)'>');
            if (tagEnd >= 0)
            {
                if (text[afterName + tagEnd - 1] == '/')
                {
                    return "";
                }

                // The end tag is the next "mergeCells>" after the start tag (the children are "mergeCell", no s).
                var contentAt = afterName + tagEnd;
                var end = text[contentAt..].IndexOf("mergeCells>"u8);
                if (end >= 0)
                {
                    return Encoding.UTF8.GetString(text[..(contentAt + end)]);
                }
            }

            var read = sheetXml.Read(chunk);
            if (read == 0)
            {
                // A sheet cut off inside the element: take the ranges read so far.
                return Encoding.UTF8.GetString(text);
            }

            element.Write(chunk, 0, read);
        }
    }

    [GeneratedRegex("""\sref\s*=\s*["'](?<ref>[^"']*)["']""")]
    private static partial Regex RefAttribute();

    /// <summary>
    /// The zip entry of the sheet named <paramref name="sheetName"/>: <c>xl/workbook.xml</c> gives its relationship
    /// id, <c>xl/_rels/workbook.xml.rels</c> the part it points to. Null when the workbook does not say.
    /// </summary>
    internal static ZipArchiveEntry? SheetEntry(ZipArchive zip, string sheetName)
    {
        if (zip.GetEntry("xl/workbook.xml") is not { } workbook || zip.GetEntry("xl/_rels/workbook.xml.rels") is not { } rels)
        {
            return null;
        }

        string? relationshipId = null;
        using (var stream = workbook.Open())
        using (var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }))
        {
            while (relationshipId is null && xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet" && xml.GetAttribute("name") == sheetName)
                {
                    relationshipId = RelationshipId(xml);
                }
            }
        }

        if (relationshipId is null)
        {
            return null;
        }

        string? target = null;
        using (var stream = rels.Open())
        using (var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }))
        {
            while (target is null && xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.GetAttribute("Id") == relationshipId)
                {
                    target = xml.GetAttribute("Target");
                }
            }
        }

        if (string.IsNullOrEmpty(target))
        {
            return null;
        }

        var part = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
        return zip.GetEntry(part)
            ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName.TrimStart('/'), part, StringComparison.OrdinalIgnoreCase));
    }

    private static string? RelationshipId(XmlReader xml)
    {
        // r:id, whatever the prefix: the attribute named "id" in the relationships namespace.
        if (xml.MoveToFirstAttribute())
        {
            do
            {
                if (xml.LocalName == "id" && xml.NamespaceURI.Contains("relationships", StringComparison.Ordinal))
                {
                    return xml.Value;
                }
            }
            while (xml.MoveToNextAttribute());
        }

        return null;
    }
}
