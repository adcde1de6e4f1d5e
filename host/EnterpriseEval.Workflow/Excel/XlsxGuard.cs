using EnterpriseEval.Engine.Roster.Sources;
using EnterpriseEval.Engine.Roster;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using EnterpriseEval.Workflow.Excel;

namespace EnterpriseEval.Workflow.Excel;

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

        // The scan's state between tags: inside a <c> element, whether it is a shared-string cell, and the current
        // text run (its length in characters, whether it holds more than white space, its first bytes).
        private bool _inCell;
        private bool _shared;
        private bool _complete;
        private long _textChars;
        private bool _textHasValue;
        private bool _inEntity;
        private int _textHead;
        private readonly byte[] _head = new byte[16];

        /// <summary>
        /// Reads the sheet's XML once as bytes, without an XML parser (a parser's pass would cost as much again as
        /// MiniExcel's own): every tag is taken whole (it must fit in <see cref="LongestRun"/>), every text, CDATA
        /// section and comment is streamed through and only counted. Attribute values are read as a parser reads
        /// them, quotes respected, so a '&gt;' inside one does not end its tag.
        /// </summary>
        public XlsxSheetExtent Run()
        {
            using var stream = guard.Open(entry);
            var reader = new ByteCursor(stream, LongestRun(_limits));
            try
            {
                while (true)
                {
                    var lt = reader.Available.IndexOf((byte)'<');
                    if (lt < 0)
                    {
                        Text(reader.Available);
                        reader.Skip(reader.Available.Length);
                        if (!reader.Fill())
                        {
                            break;
                        }

                        continue;
                    }

                    Text(reader.Available[..lt]);
                    reader.Skip(lt);
                    EndText();
                    if (!Markup(reader))
                    {
                        break;
                    }
                }
            }
            catch (BoundExceeded e) when (e.Kind == BoundKind.Run)
            {
                throw TooLong(inCell: _inCell, Math.Max(stream.Run, reader.Held));
            }
            catch (BoundExceeded e)
            {
                throw guard.Exceeded(entry, e, where: "");
            }

            if (!_complete)
            {
                // Cut off: by damage, or by a zip that declared less than the part holds (inflating stops there).
                throw new RosterException(
                    $"无法读取 {_name}：工作表的内容在第 {_row} 行附近中断（解压出 {stream.Position:N0} 字节，压缩包目录声明 {entry.Length:N0} 字节），" +
                    "文件已损坏或被恶意构造，不予读取");
            }

            return new XlsxSheetExtent(_lastRow, _lastColumn + 1, [.. _merges.OrderBy(m => m.FirstRow)]);
        }

        /// <summary>At a '&lt;': one tag, comment, CDATA section or processing instruction. False at the end of the data.</summary>
        private bool Markup(ByteCursor reader)
        {
            if (!reader.Ensure(9))
            {
                return false;
            }

            var data = reader.Available;
            if (data.StartsWith("<!--"u8))
            {
                reader.Skip(4);
                var more = Through(reader, "-->"u8, counted: false);
                EndText();
                return more;
            }

            if (data.StartsWith("<![CDATA["u8))
            {
                reader.Skip(9);
                var more = Through(reader, "]]>"u8, counted: true);
                EndText();
                return more;
            }

            if (data.StartsWith("<?"u8))
            {
                reader.Skip(2);
                var more = Through(reader, "?>"u8, counted: false);
                EndText();
                return more;
            }

            int end;
            while ((end = TagEnd(reader.Available)) < 0)
            {
                if (!reader.Fill())
                {
                    return false;
                }
            }

            Tag(reader.Available[..(end + 1)]);
            reader.Skip(end + 1);
            return true;
        }

        /// <summary>Streams through to <paramref name="terminator"/>, counting what is passed as text when asked.</summary>
        private bool Through(ByteCursor reader, ReadOnlySpan<byte> terminator, bool counted)
        {
            while (true)
            {
                var data = reader.Available;
                var at = data.IndexOf(terminator);
                if (at >= 0)
                {
                    Pass(data[..at], counted);
                    reader.Skip(at + terminator.Length);
                    return true;
                }

                // Keep what could be the start of a terminator cut by the end of the data read so far.
                var safe = Math.Max(0, data.Length - (terminator.Length - 1));
                Pass(data[..safe], counted);
                reader.Skip(safe);
                if (!reader.Fill())
                {
                    return false;
                }
            }
        }

        private void Pass(ReadOnlySpan<byte> bytes, bool counted)
        {
            if (counted)
            {
                Text(bytes);
            }
            else
            {
                // A comment or instruction is not a cell, but no longer than one either.
                _textChars += bytes.Length;
                if (_textChars > (_limits.MaxCellChars * 10L) + 4096)
                {
                    throw TooLong(inCell: false, _textChars);
                }
            }
        }

        /// <summary>Counts the characters of a piece of text (an entity or character reference is one).</summary>
        private void Text(ReadOnlySpan<byte> bytes)
        {
            if (bytes.IsEmpty)
            {
                return;
            }

            if (_inCell && _textHead < _head.Length)
            {
                var n = Math.Min(bytes.Length, _head.Length - _textHead);
                bytes[..n].CopyTo(_head.AsSpan(_textHead));
                _textHead += n;
            }

            _textHasValue |= bytes.IndexOfAnyExcept(" \t\r\n"u8) >= 0;
            _textChars += _inEntity || bytes.Contains((byte)'&') ? CharsWithEntities(bytes) : Encoding.UTF8.GetCharCount(bytes);
            if (_textChars > _limits.MaxCellChars)
            {
                throw TooLong(_inCell, _textChars);
            }
        }

        // Text with entity or character references (rare in sheets): each reference is one character. A character cut
        // between two reads may count once more than it is (the limit is about, not exact).
        private long CharsWithEntities(ReadOnlySpan<byte> bytes)
        {
            var chars = 0L;
            foreach (var b in bytes)
            {
                if (_inEntity)
                {
                    _inEntity = b != (byte)';';
                }
                else if (b == (byte)'&')
                {
                    _inEntity = true;
                    chars++;
                }
                else
                {
                    chars += (b & 0xC0) != 0x80 ? 1 : 0;
                    chars += b >= 0xF0 ? 1 : 0; // a character outside the BMP is two UTF-16 chars
                }
            }

            return chars;
        }

        /// <summary>The end of a text run: a cell with a value grows the used range.</summary>
        private void EndText()
        {
            if (_inCell && _textHasValue)
            {
                Used(_shared, _head.AsSpan(0, _textHead));
            }

            (_textChars, _textHasValue, _inEntity, _textHead) = (0, false, false, 0);
        }

        /// <summary>One start or end tag, from its '&lt;' to its '&gt;'.</summary>
        private void Tag(ReadOnlySpan<byte> tag)
        {
            var closing = tag.Length > 1 && tag[1] == (byte)'/';
            var name = LocalName(tag[(closing ? 2 : 1)..], out var afterName);
            if (closing)
            {
                if (name.SequenceEqual("c"u8))
                {
                    _inCell = false;
                }

                _complete = name.SequenceEqual("worksheet"u8);
                return;
            }

            var attributes = tag[((closing ? 2 : 1) + afterName)..];
            var selfClosing = tag.Length > 2 && tag[^2] == (byte)'/';
            if (name.SequenceEqual("row"u8))
            {
                _row = Attribute(attributes, "r"u8, out var r) && int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : _row + 1;
                _column = -1;
                _inCell = false;
                if (_row < 1 || _row > _limits.MaxSheetRows)
                {
                    throw TooManyRows();
                }
            }
            else if (name.SequenceEqual("c"u8))
            {
                Span<char> reference = stackalloc char[16];
                var length = Attribute(attributes, "r"u8, out var r) && r.Length <= reference.Length ? Ascii(r, reference) : -1;
                StartCell(length < 0 ? null : reference[..length]);
                _inCell = !selfClosing;
                _shared = Attribute(attributes, "t"u8, out var t) && t.SequenceEqual("s"u8);
            }
            else if (name.SequenceEqual("mergeCell"u8) && Attribute(attributes, "ref"u8, out var value) && value.Length <= 32)
            {
                Span<char> text = stackalloc char[32];
                if (XlsxMergedRange.TryParse(text[..Ascii(value, text)], out var range))
                {
                    _merges.Add(range);
                }
            }
        }

        private static int Ascii(ReadOnlySpan<byte> bytes, Span<char> chars)
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                chars[i] = (char)bytes[i];
            }

            return bytes.Length;
        }

        private void StartCell(ReadOnlySpan<char> reference)
        {
            if (!reference.IsEmpty && XlsxMergedRange.TryParseCell(reference, out var row, out var column))
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
                    $"{_name}：第 {_row} 行的单元格 {(reference.IsEmpty ? Cell(_row, _column) : reference.ToString())} 超出了最多 {_limits.MaxSheetColumns:N0} 列的上限" +
                    $"（配置项 {RosterLimits.SectionName}:MaxSheetColumns），工作表已损坏或被恶意构造，不予读取");
            }
        }

        // A cell with a value: the used range grows to hold it.
        private void Used(bool shared, ReadOnlySpan<byte> first)
        {
            if (shared && guard._overLongString >= 0
                && int.TryParse(first.Trim(" \t\r\n"u8), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index == guard._overLongString)
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

    /// <summary>Where a tag that starts at data[0] ends (its '&gt;'), quotes respected; -1 when not in the data yet.</summary>
    private static int TagEnd(ReadOnlySpan<byte> data)
    {
        var i = 1;
        while (i < data.Length)
        {
            var hit = data[i..].IndexOfAny("\"'>"u8);
            if (hit < 0)
            {
                return -1;
            }

            i += hit;
            if (data[i] == (byte)'>')
            {
                return i;
            }

            var close = data[(i + 1)..].IndexOf(data[i]);
            if (close < 0)
            {
                return -1;
            }

            i += close + 2;
        }

        return -1;
    }

    /// <summary>An element's name without its prefix; <paramref name="length"/> is how many bytes the whole name took.</summary>
    private static ReadOnlySpan<byte> LocalName(ReadOnlySpan<byte> data, out int length)
    {
        length = data.IndexOfAny(" \t\r\n/>"u8);
        if (length < 0)
        {
            length = data.Length;
        }

        var name = data[..length];
        var colon = name.LastIndexOf((byte)':');
        return colon >= 0 ? name[(colon + 1)..] : name;
    }

    /// <summary>The value of the unprefixed attribute <paramref name="name"/> among a tag's attributes.</summary>
    private static bool Attribute(ReadOnlySpan<byte> attributes, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        var rest = attributes;
        while (true)
        {
            rest = rest.TrimStart(" \t\r\n"u8);
            var eq = rest.IndexOf((byte)'=');
            if (eq < 0)
            {
                value = default;
                return false;
            }

            var attribute = rest[..eq].TrimEnd(" \t\r\n"u8);
            rest = rest[(eq + 1)..].TrimStart(" \t\r\n"u8);
            if (rest.IsEmpty || rest[0] is not ((byte)'"' or (byte)'\''))
            {
                value = default;
                return false;
            }

            var close = rest[1..].IndexOf(rest[0]);
            if (close < 0)
            {
                value = default;
                return false;
            }

            if (attribute.SequenceEqual(name))
            {
                value = rest.Slice(1, close);
                return true;
            }

            rest = rest[(close + 2)..];
        }
    }

    /// <summary>
    /// A window on a stream of bytes: <see cref="Available"/> is what has been read and not yet skipped;
    /// <see cref="Fill"/> reads more, keeping what is available, and grows the window up to a limit.
    /// </summary>
    private sealed class ByteCursor(Stream stream, long limit)
    {
        private byte[] _buffer = new byte[1 << 16];
        private int _start;
        private int _end;
        private bool _eof;

        public ReadOnlySpan<byte> Available => _buffer.AsSpan(_start, _end - _start);

        /// <summary>How many bytes are held unskipped (a tag being read).</summary>
        public long Held => _end - _start;

        public void Skip(int count) => _start += count;

        /// <summary>Reads until at least <paramref name="count"/> bytes are available or the data ends; false when none are.</summary>
        public bool Ensure(int count)
        {
            while (_end - _start < count && Fill())
            {
            }

            return _end > _start;
        }

        /// <summary>Reads more; false at the end of the data.</summary>
        public bool Fill()
        {
            if (_eof)
            {
                return false;
            }

            if (_start > 0)
            {
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                (_end, _start) = (_end - _start, 0);
            }

            if (_end == _buffer.Length)
            {
                if (_buffer.Length >= limit)
                {
                    throw new BoundExceeded(BoundKind.Run);
                }

                Array.Resize(ref _buffer, (int)Math.Min(limit, _buffer.Length * 2L));
            }

            var read = stream.Read(_buffer, _end, _buffer.Length - _end);
            _end += read;
            _eof = read == 0;
            return !_eof;
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
