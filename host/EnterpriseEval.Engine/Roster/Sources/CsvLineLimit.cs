namespace EnterpriseEval.Engine.Roster.Sources;

/// <summary>
/// The text of a CSV file as the parser reads it, with each record bounded (docs/security.md, Limits on input): a
/// record — a line, with the line breaks inside its quoted fields — longer than
/// <see cref="RosterLimits.MaxLineChars"/> characters is refused, naming the line it starts on, before the parser has
/// to hold it (a file of one endless line, or one whose quote never closes, would otherwise fill the memory or pass
/// .NET's largest string). Quotes are counted as the parser counts them: a line break ends a record when the quotes
/// before it on the record are balanced.
/// </summary>
internal sealed class CsvLineLimit(TextReader inner, string name, int maxChars) : TextReader
{
    private long _record;
    private bool _quoted;
    private int _line = 1;
    private int _recordLine = 1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override int Read(Span<char> buffer)
    {
        var read = inner.Read(buffer);
        var rest = buffer[..read];

        // The usual block: no quote, shorter than the limit, so no line inside it can pass the limit; only the record
        // that runs on from the last block and the one left open at its end count (vectorised searches, no loop per line).
        if (!_quoted && read <= maxChars && rest.IndexOf('"') < 0)
        {
            var first = rest.IndexOf('\n');
            if (first < 0)
            {
                _record += read;
            }
            else
            {
                _record += first + 1;
                Check();
                var last = rest.LastIndexOf('\n');
                _line += rest.Count('\n');
                (_record, _recordLine) = (read - last - 1, _line);
            }

            Check();
            return read;
        }

        while (true)
        {
            var hit = rest.IndexOfAny('"', '\n');
            if (hit < 0)
            {
                _record += rest.Length;
                break;
            }

            _record += hit + 1;
            if (rest[hit] == '"')
            {
                _quoted = !_quoted;
            }
            else
            {
                _line++;
                if (!_quoted)
                {
                    Check();
                    (_record, _recordLine) = (0, _line);
                }
            }

            rest = rest[(hit + 1)..];
        }

        Check();
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Check()
    {
        if (_record > maxChars)
        {
            throw new RosterException(
                $"{name} 从第 {_recordLine} 行起的一条记录超过 {maxChars:N0} 个字符的上限（配置项 {RosterLimits.SectionName}:MaxLineChars）" +
                (_quoted ? "，其中的引号一直没有闭合" : "") + "，文件已损坏或不是花名册，不予读取");
        }
    }

    /// <summary>A field longer than a cell may be: names the file, the row and the column.</summary>
    public static RosterException FieldTooLong(string name, int row, int index, IReadOnlyList<string> header, int length, int max)
    {
        var column = index < header.Count && header[index].Length > 0 ? $"“{header[index]}”列" : $"第 {index + 1} 列";
        return new RosterException(
            $"{name} 第 {row} 行{column}有 {length:N0} 个字符，超过 {max:N0} 个字符的上限（配置项 {RosterLimits.SectionName}:MaxCellChars），" +
            "不予读取；请检查该单元格")
        {
            File = name,
            Row = row,
            Column = column,
        };
    }

    /// <summary>Anything else the CSV parser could not read: the file's problem, named, with no library text.</summary>
    public static RosterException Damaged(string name, Exception e) =>
        e is OutOfMemoryException
            ? new RosterException($"{name} 太大，读取时内存不足，不予读取", e)
            : new RosterException($"无法读取 {name}：文件已损坏或不是 CSV 文本（{e.GetType().Name}）", e);
}
