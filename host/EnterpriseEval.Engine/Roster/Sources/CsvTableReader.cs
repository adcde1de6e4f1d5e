using nietras.SeparatedValues;

namespace EnterpriseEval.Engine.Roster.Sources;

/// <summary>
/// One CSV file read with Sep: UTF-8 with or without BOM, or GB18030/GBK (<see cref="CsvTextReader"/>), LF or CRLF,
/// RFC 4180 quoting.
/// </summary>
internal sealed class CsvTableReader : ITableReader
{
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
    private readonly CsvQuoteGuard _quotes;
    private int _cutOffQuotesSeen;
    private int _unclosedQuoteField = -1;
    private string _unclosedQuoteValue = "";
    private readonly int _maxCellChars;

    /// <param name="path">The file.</param>
    /// <param name="decodedAsGb18030">Called with the file's name when it turns out not to be UTF-8 but GB18030.</param>
    /// <param name="limits">How long a field and a line may be (docs/security.md, Limits on input); the defaults when null.</param>
    public CsvTableReader(string path, Action<string>? decodedAsGb18030 = null, RosterLimits? limits = null)
    {
        Name = Path.GetFileName(path);
        limits ??= RosterLimits.Default;
        _maxCellChars = limits.MaxCellChars;
        RosterFiles.EnsureRegular(path);
        TextReader? text = null;
        try
        {
            // The text reader buffers: the file stream need not (bufferSize 0), so each byte is copied once.
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
            Size = file.Length;
            var name = Name;
            text = new CsvTextReader(file, path, Name)
            {
                DecodedAsGb18030 = decodedAsGb18030 is null ? null : () => decodedAsGb18030(name),
            };
            // Runaway quotes are found where they start (CsvQuoteGuard); then the record is bounded before Sep, which
            // holds a whole record in its buffer, sees it.
            _quotes = new CsvQuoteGuard(text);
            _reader = Options.From(new CsvLineLimit(_quotes, Name, limits.MaxLineChars));
            Header = ReadHeader();
        }
        catch (Exception e) when (IsReadFailure(e))
        {
            _reader?.Dispose();
            text?.Dispose();
            throw Failure(e);
        }
        catch (RosterException)
        {
            _reader?.Dispose();
            text?.Dispose();
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _reader?.Dispose();
            text?.Dispose();
            throw CsvLineLimit.Damaged(Name, e);
        }
    }

    public string Name { get; }

    public long Size { get; }

    public IReadOnlyList<string> Header { get; }

    public int RowNumber => _reader.Current.RowIndex + 1;

    public int FieldCount => _reader.Current.ColCount;

    public int UnclosedQuoteField => _unclosedQuoteField;

    public bool MoveNext()
    {
        try
        {
            var moved = _reader.MoveNext();
            if (_quotes.Repairs != _cutOffQuotesSeen || _unclosedQuoteField >= 0)
            {
                FindUnclosedQuote(moved);
            }

            return moved;
        }
        catch (Exception e) when (IsReadFailure(e))
        {
            throw Failure(e);
        }
        catch (Exception e) when (e is not RosterException and not OperationCanceledException)
        {
            // Whatever else a damaged file makes the CSV parser throw is the file's problem, not the program's.
            throw CsvLineLimit.Damaged(Name, e);
        }
    }

    public ReadOnlySpan<char> Field(int index)
    {
        if (index == _unclosedQuoteField)
        {
            return _unclosedQuoteValue;
        }

        // Sep has trimmed spaces; other white space (tabs, the ideographic space of Chinese input methods) is rare,
        // so look at the ends before calling the general Trim, whose Unicode look-up is slow for Chinese text.
        var span = _reader.Current[index].Span;
        if (span.Length > _maxCellChars)
        {
            throw CsvLineLimit.FieldTooLong(Name, RowNumber, index, Header, span.Length, _maxCellChars);
        }

        return span.IsEmpty || (!MaybeWhiteSpace(span[0]) && !MaybeWhiteSpace(span[^1])) ? span : Trim(span);
    }

    // Surrounding white space goes, except a tab or CR before = + - @: that is how a value is kept from being a
    // spreadsheet formula, and trimming it would make one (docs/roster.md).
    private static ReadOnlySpan<char> Trim(ReadOnlySpan<char> span)
    {
        var trimmed = span.Trim();
        var lead = span[..(span.Length - span.TrimStart().Length)];
        var neutral = lead.LastIndexOfAny('\t', '\r');
        return neutral < 0 || trimmed.IsEmpty || trimmed[0] is not ('=' or '+' or '-' or '@') ? trimmed : span[neutral..].TrimEnd();
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
        FindUnclosedQuote(moved: true);
        if (_unclosedQuoteField >= 0)
        {
            throw new RosterException($"{Name} 表头第 {_unclosedQuoteField + 1} 列的英文双引号（\"）没有闭合：请删除多余的引号后重试")
            {
                File = Name,
                Row = 1,
                Column = $"第 {_unclosedQuoteField + 1} 列",
            };
        }

        var header = new string[row.ColCount];
        for (var i = 0; i < header.Length; i++)
        {
            header[i] = row[i].Span.Trim().ToString();
        }

        // A file holding nothing but a line break is as empty as a file of zero bytes.
        return Array.TrueForAll(header, cell => cell.Length == 0) ? [] : header;
    }

    // Whether the current row is a line whose quote was cut off (CsvQuoteGuard): only looked at once one has been, for
    // the rows Sep has read ahead meanwhile.
    private void FindUnclosedQuote(bool moved)
    {
        _unclosedQuoteField = -1;
        if (!moved || _quotes.Repairs == _cutOffQuotesSeen || !_reader.Current.Span.Contains(CsvQuoteGuard.Marker))
        {
            return;
        }

        _cutOffQuotesSeen++;
        var row = _reader.Current;
        for (var i = 0; i < row.ColCount; i++)
        {
            if (row[i].Span.Contains(CsvQuoteGuard.Marker))
            {
                // The field as written: the quote back in its place.
                _unclosedQuoteValue = row[i].Span.Trim().ToString().Replace(CsvQuoteGuard.Marker, '"');
                _unclosedQuoteField = i;
                return;
            }
        }
    }

    // Bytes that are neither UTF-8 nor GB18030 are a RosterException of the text reader, naming the line.
    private static bool IsReadFailure(Exception e) => e is IOException or UnauthorizedAccessException;

    private RosterException Failure(Exception e) => new($"无法读取 {Name}：文件不存在、被占用或没有读取权限", e);
}
