using System.Globalization;
using System.IO.Compression;
using System.Xml;
using EnterpriseEval.Runtime.Excel;

namespace EnterpriseEval.Runtime.Roster.Sources;

/// <summary>
/// Checks a workbook before and while it is read, as Apache POI's zip-bomb guard does (docs/security.md, Limits on
/// input): every part's expanded size and compressed/expanded ratio from the zip's central directory, the bytes
/// actually inflated against what the directory declared, every cell's length (the shared strings too), and a sheet's
/// used range — the last row and column that hold a value — against <see cref="RosterLimits"/>. MiniExcel is then
/// asked for that used range only: it pads every row to the sheet's declared width and yields a row for every row
/// number up to the last, so a sheet claiming <c>A1:XFD1048576</c> would otherwise be walked cell by empty cell.
/// </summary>
internal sealed class XlsxGuard
{
    private const int ChunkChars = 4096;

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    private readonly string _path;
    private readonly string _fileName;
    private readonly RosterLimits _limits;

    // The first shared string longer than a cell may be, and its length; -1 when there is none.
    private readonly int _overLongString = -1;
    private readonly long _overLongLength;

    /// <summary>Checks the workbook as a whole: the central directory, and every part MiniExcel reads whole.</summary>
    /// <exception cref="RosterException">A limit is exceeded or the file is not a readable workbook; the message names it.</exception>
    public XlsxGuard(string path, RosterLimits limits)
    {
        _path = path;
        _fileName = Path.GetFileName(path);
        _limits = limits;
        try
        {
            using var file = OpenFile();
            using var zip = new ZipArchive(file, ZipArchiveMode.Read);
            foreach (var entry in zip.Entries)
            {
                CheckDeclared(entry);
            }

            foreach (var entry in zip.Entries)
            {
                if (IsSharedStrings(entry))
                {
                    (_overLongString, _overLongLength) = ScanSharedStrings(entry);
                }
                else if (IsReadWhole(entry))
                {
                    Drain(entry);
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or UnauthorizedAccessException)
        {
            throw Unreadable(null, e);
        }
    }

    /// <summary>
    /// Reads one sheet through once, checking every cell, and returns its used range and merged ranges.
    /// </summary>
    /// <exception cref="RosterException">A limit is exceeded or the sheet is damaged; the message names the sheet, row and column.</exception>
    public XlsxSheetExtent Sheet(string sheetName)
    {
        try
        {
            using var file = OpenFile();
            using var zip = new ZipArchive(file, ZipArchiveMode.Read);
            if (XlsxMergedCells.SheetEntry(zip, sheetName) is not { } entry)
            {
                // MiniExcel finds no such sheet either (a chart sheet, say): it reads nothing.
                return new XlsxSheetExtent(0, 0, []);
            }

            return new SheetScan(this, sheetName, entry).Run();
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or UnauthorizedAccessException)
        {
            throw Unreadable(sheetName, e);
        }
    }

    private FileStream OpenFile() =>
        // Shared like MiniExcel's own reads: HR often has the workbook open in Excel while screening it.
        new(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1 << 16);

    private static bool IsSharedStrings(ZipArchiveEntry entry) =>
        entry.FullName.TrimStart('/').Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase);

    // What MiniExcel reads besides the sheet asked for: the workbook, its relationships, the styles, content types.
    private static bool IsReadWhole(ZipArchiveEntry entry) =>
        !entry.FullName.Contains("worksheets/", StringComparison.OrdinalIgnoreCase)
        && (entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase));

    private void CheckDeclared(ZipArchiveEntry entry)
    {
        if (entry.Length > _limits.MaxPartBytes)
        {
            throw new RosterException(
                $"花名册工作簿 {_fileName} 的组成部分 {entry.FullName} 解压后有 {entry.Length:N0} 字节，超过上限 {_limits.MaxPartBytes:N0} 字节" +
                $"（配置项 {RosterLimits.SectionName}:MaxPartBytes），不予读取；请只保留花名册数据另存为新的 .xlsx");
        }

        var compressed = Math.Max(entry.CompressedLength, 1);
        if (entry.Length > RosterLimits.ExpansionGraceBytes && entry.Length > _limits.MaxExpansionRatio * compressed)
        {
            throw new RosterException(
                $"花名册工作簿 {_fileName} 的组成部分 {entry.FullName} 由 {entry.CompressedLength:N0} 字节解压为 {entry.Length:N0} 字节，" +
                $"膨胀 {entry.Length / (double)compressed:N0} 倍，超过上限 {_limits.MaxExpansionRatio:N0} 倍（配置项 {RosterLimits.SectionName}:MaxExpansionRatio），" +
                "疑似“压缩炸弹”，不予读取；请只保留花名册数据另存为新的 .xlsx");
        }
    }

    private GuardedStream Open(ZipArchiveEntry entry) => new(entry.Open(), entry.Length, LongestRun(_limits));

    // Bytes between two '<' (a tag with its attributes, or a text): a cell of MaxCellChars characters written with
    // character references takes at most ten bytes a character; never less than 1 MiB.
    private static long LongestRun(RosterLimits limits) => Math.Max(1L << 20, (limits.MaxCellChars * 10L) + 4096);

    private void Drain(ZipArchiveEntry entry)
    {
        using var stream = Open(entry);
        try
        {
            stream.CopyTo(Stream.Null);
        }
        catch (BoundExceeded e)
        {
            throw Exceeded(entry, e, where: "");
        }
    }

    /// <summary>The first shared string longer than a cell may be (its index and length), or (-1, 0).</summary>
    private (int Index, long Length) ScanSharedStrings(ZipArchiveEntry entry)
    {
        using var stream = Open(entry);
        var index = -1;
        long length = 0;
        try
        {
            using var xml = XmlReader.Create(stream, XmlSettings);
            var chunk = new char[ChunkChars];
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
                {
                    if (length > _limits.MaxCellChars)
                    {
                        return (index, length);
                    }

                    index++;
                    length = 0;
                }
                else if (IsText(xml.NodeType) && index >= 0)
                {
                    length += Measure(xml, chunk, _limits.MaxCellChars - length + 1, out _);
                }
            }

            return length > _limits.MaxCellChars ? (index, length) : (-1, 0);
        }
        catch (BoundExceeded e) when (e.Kind == BoundKind.Run && index >= 0)
        {
            // Longer than any cell could be, whatever it holds.
            return (index, stream.Run);
        }
        catch (BoundExceeded e)
        {
            throw Exceeded(entry, e, where: index >= 0 ? $"第 {index + 1} 个共享字符串处" : "");
        }
    }

    private static bool IsText(XmlNodeType type) => type is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace;

    /// <summary>
    /// The length of the current text node, read in chunks so that nothing long is ever held: stops counting once it
    /// passes <paramref name="stopAfter"/>. <paramref name="first"/> is the first chunk's text (for a shared-string index).
    /// </summary>
    private static long Measure(XmlReader xml, char[] chunk, long stopAfter, out ReadOnlySpan<char> first)
    {
        first = [];
        long length = 0;
        int read;
        while ((read = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
        {
            if (length == 0)
            {
                first = chunk.AsSpan(0, read);
            }

            length += read;
            if (length > stopAfter)
            {
                break;
            }
        }

        return length;
    }

    private RosterException Exceeded(ZipArchiveEntry entry, BoundExceeded e, string where) => e.Kind switch
    {
        BoundKind.Declared => new RosterException(
            $"花名册工作簿 {_fileName} 的组成部分 {entry.FullName} 解压后比压缩包目录声明的 {entry.Length:N0} 字节更大，文件已损坏或被恶意构造，不予读取"),
        _ => new RosterException(
            $"花名册工作簿 {_fileName} 的组成部分 {entry.FullName} {where}有一段超过 {LongestRun(_limits):N0} 字节的文本或标记" +
            $"（单元格上限 {_limits.MaxCellChars:N0} 个字符，配置项 {RosterLimits.SectionName}:MaxCellChars），文件已损坏或被恶意构造，不予读取"),
    };

    private RosterException Unreadable(string? sheet, Exception e) =>
        new(sheet is null
            ? $"无法读取花名册工作簿 {_fileName}：不是有效的 .xlsx 文件、文件已损坏或被占用"
            : $"无法读取 {_fileName}/{sheet}：工作表已损坏或文件被占用", e);

    /// <summary>One pass over a sheet's XML.</summary>
    private sealed class SheetScan(XlsxGuard guard, string sheet, ZipArchiveEntry entry)
    {
        private readonly RosterLimits _limits = guard._limits;
        private readonly string _name = $"{guard._fileName}/{sheet}";
        private readonly List<XlsxMergedRange> _merges = [];
        private int _row;
        private int _column = -1;
        private int _lastRow;
        private int _lastColumn = -1;

        public XlsxSheetExtent Run()
        {
            using var stream = guard.Open(entry);
            try
            {
                using var xml = XmlReader.Create(stream, XmlSettings);
                var chunk = new char[ChunkChars];
                var inCell = false;
                var shared = false;
                while (xml.Read())
                {
                    switch (xml.NodeType)
                    {
                        case XmlNodeType.Element when xml.LocalName == "row":
                            _row = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : _row + 1;
                            _column = -1;
                            inCell = false;
                            if (_row < 1 || _row > _limits.MaxSheetRows)
                            {
                                throw TooManyRows();
                            }

                            break;
                        case XmlNodeType.Element when xml.LocalName == "c":
                            StartCell(xml.GetAttribute("r"));
                            inCell = !xml.IsEmptyElement;
                            shared = xml.GetAttribute("t") == "s";
                            break;
                        case XmlNodeType.Element when xml.LocalName == "mergeCell":
                            if (XlsxMergedRange.TryParse(xml.GetAttribute("ref"), out var range))
                            {
                                _merges.Add(range);
                            }

                            break;
                        case XmlNodeType.EndElement when xml.LocalName == "c":
                            inCell = false;
                            break;
                        case var type when IsText(type):
                            var length = Measure(xml, chunk, _limits.MaxCellChars, out var first);
                            if (length > _limits.MaxCellChars)
                            {
                                throw TooLong(inCell, length);
                            }

                            if (inCell && length > 0)
                            {
                                Used(shared, first);
                            }

                            break;
                    }
                }
            }
            catch (BoundExceeded e) when (e.Kind == BoundKind.Run)
            {
                throw TooLong(inCell: _column >= 0, stream.Run);
            }
            catch (BoundExceeded e)
            {
                throw guard.Exceeded(entry, e, where: "");
            }

            return new XlsxSheetExtent(_lastRow, _lastColumn + 1, [.. _merges.OrderBy(m => m.FirstRow)]);
        }

        private void StartCell(string? reference)
        {
            if (reference is not null && XlsxMergedRange.TryParseCell(reference, out var row, out var column))
            {
                _column = column;
                if (row != _row)
                {
                    _row = row;
                    if (row > _limits.MaxSheetRows)
                    {
                        throw TooManyRows();
                    }
                }
            }
            else
            {
                _column++;
            }

            if (_column >= _limits.MaxSheetColumns)
            {
                throw new RosterException(
                    $"{_name}：第 {_row} 行的单元格 {reference ?? Cell(_row, _column)} 超出了最多 {_limits.MaxSheetColumns:N0} 列的上限" +
                    $"（配置项 {RosterLimits.SectionName}:MaxSheetColumns），工作表已损坏或被恶意构造，不予读取");
            }
        }

        // A cell with a value: the used range grows to hold it.
        private void Used(bool shared, ReadOnlySpan<char> first)
        {
            if (shared && guard._overLongString >= 0
                && int.TryParse(first.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index == guard._overLongString)
            {
                throw TooLong(inCell: true, guard._overLongLength);
            }

            var lastRow = Math.Max(_lastRow, _row);
            var lastColumn = Math.Max(_lastColumn, _column);
            var cells = (long)lastRow * (lastColumn + 1);
            if (cells > _limits.MaxSheetCells)
            {
                throw new RosterException(
                    $"{_name}：第 {_row} 行 {Letters(_column)} 列（{Cell(_row, _column)}）有内容，使要读取的范围达到 A1:{Cell(lastRow, lastColumn)}，" +
                    $"共 {cells:N0} 个单元格，超过上限 {_limits.MaxSheetCells:N0}（配置项 {RosterLimits.SectionName}:MaxSheetCells），不予读取；" +
                    "请删除远离花名册数据的单元格内容，或只保留花名册数据另存为新的 .xlsx");
            }

            (_lastRow, _lastColumn) = (lastRow, lastColumn);
        }

        private RosterException TooManyRows() =>
            new($"{_name}：第 {_row:N0} 行超出了最多 {_limits.MaxSheetRows:N0} 行的上限（配置项 {RosterLimits.SectionName}:MaxSheetRows），不予读取");

        private RosterException TooLong(bool inCell, long length)
        {
            var where = inCell && _column >= 0 ? $"第 {_row} 行 {Letters(_column)} 列（{Cell(_row, _column)}）的单元格" : $"第 {_row} 行附近的一段内容";
            return new RosterException(
                $"{_name}：{where}超过 {_limits.MaxCellChars:N0} 个字符的上限（至少 {length:N0} 个字符；配置项 {RosterLimits.SectionName}:MaxCellChars），" +
                "不予读取；Excel 本身一个单元格也最多容纳 32,767 个字符，请检查该单元格");
        }
    }

    /// <summary>A1-style reference: row from 1, column from 0.</summary>
    internal static string Cell(int row, int column) => $"{Letters(column)}{row}";

    /// <summary>Column letters: 0 is A, 16,383 is XFD.</summary>
    internal static string Letters(int column)
    {
        Span<char> letters = stackalloc char[8];
        var at = letters.Length;
        for (var n = column + 1; n > 0 && at > 0; n = (n - 1) / 26)
        {
            letters[--at] = (char)('A' + ((n - 1) % 26));
        }

        return new string(letters[at..]);
    }

    private enum BoundKind
    {
        Declared,
        Run,
    }

    private sealed class BoundExceeded(BoundKind kind) : Exception
    {
        public BoundKind Kind { get; } = kind;
    }

    /// <summary>
    /// An entry's inflated bytes, counted as they are read: more than the central directory declared is refused (the
    /// directory's sizes are what the ratio was checked on), and so is a run of bytes without a '&lt;' longer than
    /// any cell, before an XML reader would buffer it whole.
    /// </summary>
    private sealed class GuardedStream(Stream inner, long declared, long longestRun) : Stream
    {
        private long _count;

        public long Run { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _count; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            _count += read;
            if (_count > declared)
            {
                throw new BoundExceeded(BoundKind.Declared);
            }

            var data = buffer[..read];
            var first = data.IndexOf((byte)'<');
            if (first < 0)
            {
                Run += read;
            }
            else
            {
                // Runs inside one read are shorter than the read; only a run across reads can grow long.
                Run = Math.Max(Run + first, 0);
                if (Run <= longestRun)
                {
                    Run = read - data.LastIndexOf((byte)'<') - 1;
                }
            }

            return Run > longestRun ? throw new BoundExceeded(BoundKind.Run) : read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

/// <summary>A sheet's used range (the last row and the number of columns up to the last that hold a value) and its merged ranges.</summary>
internal sealed record XlsxSheetExtent(int LastRow, int Columns, IReadOnlyList<XlsxMergedRange> Merges);
