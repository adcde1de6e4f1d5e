namespace EnterpriseEval.Engine.Roster.Sources;

/// <summary>
/// The decoded text of a CSV file on its way to Sep, with runaway quotes cut off at the line they start on
/// (docs/roster.md, Quotes and line breaks): a stray <c>"</c> would make Sep read every following line, up to the next
/// quote, as one value of one row. Here the opening quote of such a value is replaced by <see cref="Marker"/>, which
/// Sep reads as an ordinary character, so the line stays one row (which <see cref="CsvTableReader"/> reports) and
/// reading goes on at the next line.
/// </summary>
/// <remarks>
/// Like Sep, every <c>"</c> opens or closes quoting wherever it stands in a value. A quoted value may run across lines
/// (RFC 4180: a cell written on several lines in Excel) unless a line inside the quotes reads by itself as a whole row
/// (not blank, as many fields as the header), or the row, once the quote closes, has not as many fields as the header,
/// or the file ends inside the quotes, or the table has one column; and any quoted value that grows beyond
/// <see cref="MaxHeldLength"/>: then it is a runaway, cut off at its first line. A header cell never spans lines.
/// Text without a quote is handed on as read, after a vectorised search for <c>"</c> and a count of the commas after
/// its last line break; from a quote on, text is held back until the quote closes, or its row ends where the value
/// spans lines.
/// </remarks>
internal sealed class CsvQuoteGuard(TextReader inner) : TextReader
{
    /// <summary>What replaces a quote that is not closed on its line: a noncharacter, not found in roster text.</summary>
    public const char Marker = '\uFFFF';

    /// <summary>Held text beyond this many characters inside quotes is a runaway quote.</summary>
    private const int MaxHeldLength = 1 << 20;

    private char[] _held = [];
    private int _start;     // first held character not yet handed out
    private int _end;       // end of the held text
    private int _scan;      // first held character not yet looked at
    private bool _endOfText;
    private bool _quoted;   // inside quotes at _scan
    private int _open;      // the quote that opened them

    // Fields of the current row so far, the header's field count, and a value that spans lines (its opening quote and
    // the end of its first line) whose row is not yet known to be whole.
    private int _field;
    private int _headerFields = -1;
    private bool _pending;
    private int _pendingOpen;
    private int _pendingLineEnd;
    private int _lineCommas;
    private bool _lineBlank;
    private bool _afterCr;

    /// <summary>How many quotes have been cut off so far (each is a <see cref="Marker"/> in the text handed out).</summary>
    public int Repairs { get; private set; }

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

        while (true)
        {
            if (_start == _end && !_quoted && !_pending)
            {
                // Nothing held: read straight into Sep's buffer, and hold back only from a quote on.
                var read = inner.Read(buffer);
                var quote = buffer[..read].IndexOf('"');
                if (quote < 0)
                {
                    Passed(buffer[..read]);
                    return read;
                }

                Passed(buffer[..quote]);
                Hold(buffer[quote..read]);
                if (quote > 0)
                {
                    return quote;
                }
            }

            Scan();
            var ready = _pending ? _pendingOpen : _quoted ? _open : _scan;
            if (ready > _start)
            {
                var n = Math.Min(ready - _start, buffer.Length);
                _held.AsSpan(_start, n).CopyTo(buffer);
                _start += n;
                return n;
            }

            if (_endOfText)
            {
                if (!_pending && !_quoted)
                {
                    return 0;
                }

                EndOfText();
                continue;
            }

            ReadMore();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Hold(ReadOnlySpan<char> text)
    {
        if (_held.Length < text.Length)
        {
            _held = new char[Math.Max(text.Length, 1 << 12)];
        }

        text.CopyTo(_held);
        (_start, _end, _scan) = (0, text.Length, 0);
    }

    private void ReadMore()
    {
        if (_start > 0)
        {
            _held.AsSpan(_start, _end - _start).CopyTo(_held);
            (_end, _scan, _open, _pendingOpen, _pendingLineEnd) =
                (_end - _start, _scan - _start, _open - _start, _pendingOpen - _start, _pendingLineEnd - _start);
            _start = 0;
        }

        if (_end == _held.Length)
        {
            Array.Resize(ref _held, Math.Max(_held.Length * 2, 1 << 12));
        }

        var read = inner.Read(_held.AsSpan(_end));
        _end += read;
        _endOfText = read == 0;
    }

    // Text without a quote handed on as read: the field count of the row it ends in, and of the header once it ends.
    private void Passed(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        if (_headerFields < 0 && text.IndexOfAny('\n', '\r') is var first and >= 0)
        {
            _headerFields = _field + text[..first].Count(',') + 1;
        }

        var last = text.LastIndexOfAny('\n', '\r');
        _field = last < 0 ? _field + text.Count(',') : text[(last + 1)..].Count(',');
        _afterCr = text[^1] == '\r';
    }

    // Looks at the held text from _scan on, as far as it can without the text that follows, counting fields: from one
    // quote or line break to the next, and one character at a time inside a value that spans lines.
    private void Scan()
    {
        while (_scan < _end)
        {
            if ((_pending && _end - _pendingOpen > MaxHeldLength) || (_quoted && _end - _open > MaxHeldLength))
            {
                // Held back no further: a value this long is no roster value.
                CutOff();
                continue;
            }

            if (!_pending)
            {
                // Up to the next quote or line break nothing happens but commas (which count outside quotes only).
                var rest = _held.AsSpan(_scan, _end - _scan);
                var next = rest.IndexOfAny('"', '\n', '\r');
                var skipped = next < 0 ? rest.Length : next;
                if (skipped > 0)
                {
                    _field += _quoted ? 0 : rest[..skipped].Count(',');
                    _afterCr = false;
                    _scan += skipped;
                    if (next < 0)
                    {
                        return;
                    }
                }
            }

            var c = _held[_scan];
            var lineBreak = c == '\r' || (c == '\n' && !_afterCr);
            _afterCr = c == '\r';
            if (_quoted)
            {
                if (c == '"')
                {
                    _quoted = false;
                }
                else if (lineBreak && (_headerFields < 0 || _headerFields == 1))
                {
                    // The header row (no header cell spans lines), or a table of one column, where every line is a row.
                    CutOff();
                    _afterCr = false;
                    continue; // the line break, looked at again, ends the row
                }
                else if (lineBreak && !_pending)
                {
                    (_pending, _pendingOpen, _pendingLineEnd, _lineCommas, _lineBlank) = (true, _open, _scan, 0, true);
                }
                else if (lineBreak && !_lineBlank && _lineCommas == _headerFields - 1)
                {
                    // A line inside the quotes reads as a whole row by itself.
                    CutOff();
                    continue;
                }
                else if (lineBreak)
                {
                    (_lineCommas, _lineBlank) = (0, true);
                }
                else if (c != '\n')
                {
                    _lineCommas += c == ',' ? 1 : 0;
                    _lineBlank &= char.IsWhiteSpace(c);
                }
            }
            else if (c == '"')
            {
                (_quoted, _open) = (true, _scan);
            }
            else if (c == ',')
            {
                _field++;
            }
            else if (lineBreak)
            {
                if (_pending && _field + 1 != _headerFields)
                {
                    // The quote closed, but the row it made has not the header's fields.
                    CutOff();
                    continue;
                }

                _pending = false;
                _headerFields = _headerFields < 0 ? _field + 1 : _headerFields;
                _field = 0;
            }

            _scan++;
        }
    }

    /// <summary>At the end of the text: a value spanning lines whose row is whole stands; any other open quote is cut off.</summary>
    private void EndOfText()
    {
        if (_pending && !_quoted && _field + 1 == _headerFields)
        {
            _pending = false;
            return;
        }

        CutOff();
    }

    // The quote that opened the value spanning lines (or the one open now) is not closed on its line: it becomes the
    // marker, and the text after that line is looked at afresh.
    private void CutOff()
    {
        if (_pending)
        {
            _held[_pendingOpen] = Marker;
            _scan = _pendingLineEnd; // the line break, looked at again, now ends the row
            _afterCr = false;
            _field = 0;
        }
        else
        {
            _held[_open] = Marker;
        }

        Repairs++;
        _pending = false;
        _quoted = false;
    }
}
