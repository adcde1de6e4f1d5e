using System.Text;
using nietras.SeparatedValues;

namespace EnterpriseEval.Runtime.Roster.Sources;

/// <summary>One CSV file read with Sep: UTF-8 with or without BOM, LF or CRLF, RFC 4180 quoting.</summary>
internal sealed class CsvTableReader : ITableReader
{
    // The preamble makes StreamReader drop a UTF-8 BOM; throwing on invalid bytes turns a GBK export into a clear
    // message instead of silently garbled names.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);

    // The header is read as an ordinary row so that duplicate or empty header cells are ours to judge, and field
    // counts are checked by the caller, which reports a wrong count as a reject instead of failing the file.
    private static readonly SepReaderOptions Options = Sep.New(',').Reader(o => o with
    {
        HasHeader = false,
        DisableColCountCheck = true,
        Unescape = true,
        Trim = SepTrim.All,
    });

    private readonly SepReader _reader;

    public CsvTableReader(string path)
    {
        Name = Path.GetFileName(path);
        StreamReader? text = null;
        try
        {
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            Size = file.Length;
            text = new StreamReader(
                file,
                StrictUtf8,
                detectEncodingFromByteOrderMarks: false,
                bufferSize: 1 << 14);
            _reader = Options.From(text);
            Header = ReadHeader();
        }
        catch (Exception e) when (IsReadFailure(e))
        {
            _reader?.Dispose();
            text?.Dispose();
            throw Failure(e);
        }
    }

    public string Name { get; }

    public long Size { get; }

    public IReadOnlyList<string> Header { get; }

    public int RowNumber => _reader.Current.RowIndex + 1;

    public int FieldCount => _reader.Current.ColCount;

    public bool MoveNext()
    {
        try
        {
            return _reader.MoveNext();
        }
        catch (Exception e) when (IsReadFailure(e))
        {
            throw Failure(e);
        }
    }

    public ReadOnlySpan<char> Field(int index)
    {
        // Sep has trimmed spaces; other white space (tabs, the ideographic space of Chinese input methods) is rare,
        // so look at the ends before calling the general Trim, whose Unicode look-up is slow for Chinese text.
        var span = _reader.Current[index].Span;
        return span.IsEmpty || (!MaybeWhiteSpace(span[0]) && !MaybeWhiteSpace(span[^1])) ? span : span.Trim();
    }

    // Every Unicode white-space character is at or below U+3000; CJK characters are above it.
    private static bool MaybeWhiteSpace(char c) => c <= ' ' || (c >= '\u0085' && c <= '\u3000' && char.IsWhiteSpace(c));

    public void Dispose() => _reader.Dispose();

    private string[] ReadHeader()
    {
        if (!_reader.MoveNext())
        {
            return [];
        }

        var row = _reader.Current;
        var header = new string[row.ColCount];
        for (var i = 0; i < header.Length; i++)
        {
            header[i] = row[i].Span.Trim().ToString();
        }

        // A file holding nothing but a line break is as empty as a file of zero bytes.
        return Array.TrueForAll(header, cell => cell.Length == 0) ? [] : header;
    }

    private static bool IsReadFailure(Exception e) =>
        e is DecoderFallbackException or IOException or UnauthorizedAccessException;

    private RosterException Failure(Exception e) => e is DecoderFallbackException
        ? new RosterException($"{Name} 不是 UTF-8 编码，请在导出时选择“CSV UTF-8”", e)
        : new RosterException($"无法读取 {Name}：文件不存在、被占用或没有读取权限", e);
}
