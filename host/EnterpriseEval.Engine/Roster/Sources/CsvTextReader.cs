using System.Text;

namespace EnterpriseEval.Engine.Roster.Sources;

/// <summary>
/// The text of a roster CSV file: UTF-8 (BOM optional), or GB18030 — which includes GBK, what Excel on Chinese
/// Windows saves as plain “CSV（逗号分隔）” — when the file is not UTF-8 (docs/roster.md). Anything else is refused,
/// naming the first line that is neither.
/// </summary>
/// <remarks>
/// The choice is made once, at the first byte that is not ASCII (ASCII reads the same in both): the bytes from there
/// to the end of a 64 KiB window are checked as UTF-8, and the file is UTF-8 when they are valid, else GB18030 (the
/// Chinese text of a header or of the first rows decides it; a GBK pair may happen to be valid UTF-8, a window of
/// them never is). From then on the chosen decoder throws on bytes it cannot read, so a file is never read half
/// garbled. UTF-8 is decoded by the same strict decoder a <see cref="StreamReader"/> would use: nothing is checked
/// twice, and a file that is ASCII throughout is only widened.
/// </remarks>
internal sealed class CsvTextReader : TextReader
{
    private const int BufferSize = 1 << 16;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Lazy<Encoding> StrictGb18030 = new(() =>
        CodePagesEncodingProvider.Instance.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
        ?? throw new InvalidOperationException("GB18030 is not provided by System.Text.Encoding.CodePages."));

    private readonly Stream _stream;
    private readonly string _path;
    private readonly string _name;
    private readonly byte[] _bytes = new byte[BufferSize];
    private int _position;
    private int _length;
    private long _offset;
    private bool _endOfStream;
    private bool _flushed;
    private Decoder? _decoder;
    private char _pending;
    private bool _hasPending;
    private long _invalidUtf8At = -1;

    /// <param name="stream">The file, positioned at its start; the reader disposes it.</param>
    /// <param name="path">The file's path, read again only to count lines for a message.</param>
    /// <param name="name">The file's name in messages.</param>
    public CsvTextReader(Stream stream, string path, string name)
    {
        _stream = stream;
        _path = path;
        _name = name;
    }

    /// <summary>Whether the file turned out to be GB18030 (known once the first non-ASCII byte has been read).</summary>
    public bool IsGb18030 { get; private set; }

    /// <summary>Called once when the file turns out to be GB18030.</summary>
    public Action? DecodedAsGb18030 { get; init; }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (_hasPending)
        {
            _hasPending = false;
            buffer[0] = _pending;
            return 1;
        }

        if (buffer.Length == 1)
        {
            // A decoder may need two chars (a surrogate pair) to make progress: keep the second for next time.
            Span<char> two = stackalloc char[2];
            var read = Read(two);
            if (read == 2)
            {
                (_pending, _hasPending) = (two[1], true);
            }

            buffer[0] = two[0];
            return Math.Min(read, 1);
        }

        while (true)
        {
            if (_position == _length)
            {
                if (_endOfStream)
                {
                    return Flush(buffer);
                }

                Fill(untilFull: false);
                continue;
            }

            if (_decoder is null)
            {
                var bytes = _bytes.AsSpan(_position, _length - _position);
                var ascii = bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
                if (ascii != 0)
                {
                    var n = Math.Min(ascii < 0 ? bytes.Length : ascii, buffer.Length);
                    Ascii.ToUtf16(bytes[..n], buffer, out _);
                    _position += n;
                    return n;
                }

                Decide();
                continue;
            }

            int used, chars;
            try
            {
                _decoder.Convert(_bytes.AsSpan(_position, _length - _position), buffer, flush: false, out used, out chars, out _);
            }
            catch (DecoderFallbackException e)
            {
                throw Invalid(e);
            }

            _position += used;
            if (chars > 0)
            {
                return chars;
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stream.Dispose();
        }

        base.Dispose(disposing);
    }

    // At the end: whatever a decoder still holds must be a complete character.
    private int Flush(Span<char> buffer)
    {
        if (_decoder is null || _flushed)
        {
            return 0;
        }

        _flushed = true;
        try
        {
            _decoder.Convert([], buffer, flush: true, out _, out var chars, out _);
            return chars;
        }
        catch (DecoderFallbackException e)
        {
            throw Invalid(e);
        }
    }

    private void Fill(bool untilFull)
    {
        if (_position > 0)
        {
            var left = _length - _position;
            _bytes.AsSpan(_position, left).CopyTo(_bytes);
            _offset += _position;
            (_position, _length) = (0, left);
        }

        // A full buffer has no room to read into (a read of nothing would look like the end of the file).
        while (_length < _bytes.Length)
        {
            var read = _stream.Read(_bytes, _length, _bytes.Length - _length);
            if (read == 0)
            {
                _endOfStream = true;
                return;
            }

            _length += read;
            if (!untilFull)
            {
                return;
            }
        }
    }

    // At the first byte that is not ASCII, with as many bytes after it as the buffer holds.
    private void Decide()
    {
        Fill(untilFull: true);
        var window = _bytes.AsSpan(_position, _length - _position);
        if (_offset + _position == 0)
        {
            if (window.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                _position += 3;
                _decoder = StrictUtf8.GetDecoder();
                return;
            }

            if (window.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || window.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            {
                throw new RosterException($"{_name} 是 UTF-16（Unicode 文本）编码，不能读取：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”");
            }
        }

        var complete = window[..CompleteLength(window)];
        if (System.Text.Unicode.Utf8.IsValid(complete))
        {
            _decoder = StrictUtf8.GetDecoder();
            return;
        }

        // Where the window stops being UTF-8: a file whose text starts as UTF-8 and then has a byte that is not (a stray
        // byte, a GBK line pasted in) is read as GB18030 and fails, and its message names the line of that byte, not
        // the first line of Chinese (Invalid).
        System.Text.Unicode.Utf8.ToUtf16(complete, new char[complete.Length], out var validUtf8, out _, replaceInvalidSequences: false);
        if (validUtf8 > 0)
        {
            _invalidUtf8At = _offset + _position + validUtf8;
        }

        _decoder = StrictGb18030.Value.GetDecoder();
        IsGb18030 = true;
        DecodedAsGb18030?.Invoke();
    }

    // The window without a UTF-8 sequence cut off by its end (unless the file ends there too).
    private int CompleteLength(ReadOnlySpan<byte> window)
    {
        if (_endOfStream)
        {
            return window.Length;
        }

        for (var back = 1; back <= Math.Min(3, window.Length); back++)
        {
            var b = window[^back];
            if (b < 0x80)
            {
                break;
            }

            if (b >= 0xC0)
            {
                var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                return needed > back ? window.Length - back : window.Length;
            }
        }

        return window.Length;
    }

    private RosterException Invalid(DecoderFallbackException e)
    {
        // GB18030 failing on bytes that were valid UTF-8 means the file is UTF-8 up to its first invalid byte: name that.
        var at = _offset + _position + Math.Max(0, e.Index);
        if (at < _invalidUtf8At)
        {
            at = _invalidUtf8At;
        }

        var line = LineAt(at);
        return new RosterException(
            $"{_name} 不是 UTF-8 编码，也不是 GB18030（GBK）编码：第 {line} 行有无法识别的字节。" +
            "请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后重试",
            e)
        {
            File = _name,
            Row = line,
        };
    }

    // 1 + the line breaks before a byte of the file: read again, only for a message.
    private int LineAt(long offset)
    {
        try
        {
            using var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
            var buffer = new byte[1 << 16];
            var (line, seen) = (1, 0L);
            while (seen < offset)
            {
                var read = file.Read(buffer, 0, (int)Math.Min(buffer.Length, offset - seen));
                if (read == 0)
                {
                    break;
                }

                line += buffer.AsSpan(0, read).Count((byte)'\n');
                seen += read;
            }

            return line;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
