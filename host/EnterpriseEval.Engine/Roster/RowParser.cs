using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Text;
using EnterpriseEval.Engine.Roster.Fields;
using EnterpriseEval.Engine.Roster.Sources;
using EnterpriseEval.Engine.Roster.Tables;

namespace EnterpriseEval.Engine.Roster;

/// <summary>
/// Walks the rows of one table and turns fields into typed values, recording every problem as a
/// <see cref="RosterReject"/>. All columns of all tables go through the one path in <see cref="Parse{T,TParser}"/>:
/// empty required value, bad value in a required column, bad value in an optional column.
/// </summary>
/// <remarks>
/// The typed methods return <see langword="false"/> when the row has been rejected; callers chain them with
/// <c>&amp;&amp;</c> so that a row is rejected once, on its first problem.
/// </remarks>
internal sealed class RowParser
{
    private const int CancellationCheckInterval = 4096;

    private readonly ITableReader _table;
    private readonly HeaderMap _map;
    private readonly bool _keepsBadOptionalValues;
    private readonly List<RosterReject> _rejects;
    private readonly StringPool _pool;
    private readonly CancellationToken _cancellationToken;
    private readonly Action<RowParser>? _onWrongFieldCount;
    private readonly bool _reportWrongFieldCount;
    private int _rowsSinceCheck;
    private RowColumns? _unknownColumns;
    private RowColumns? _allColumns;
    private char[]? _narrow;

    /// <param name="table">The table to walk.</param>
    /// <param name="schema">Its known columns.</param>
    /// <param name="rejects">Where problems go.</param>
    /// <param name="pool">Shares repeated text values.</param>
    /// <param name="cancellationToken">Checked every few thousand rows.</param>
    /// <param name="onWrongFieldCount">
    /// Called after a row is rejected for its field count or for a quote not closed on its line, to salvage what it can.
    /// </param>
    /// <param name="reportWrongFieldCount">
    /// False to skip rows with the wrong field count or an unclosed quote silently (a second pass over a file whose first pass reported them).
    /// </param>
    public RowParser(
        ITableReader table,
        RosterTableSchema schema,
        List<RosterReject> rejects,
        StringPool pool,
        CancellationToken cancellationToken,
        Action<RowParser>? onWrongFieldCount = null,
        bool reportWrongFieldCount = true)
    {
        _table = table;
        _map = HeaderMap.Create(table.Name, table.Header, schema);
        _keepsBadOptionalValues = schema.KeepsBadOptionalValues;
        _rejects = rejects;
        _pool = pool;
        _cancellationToken = cancellationToken;
        _onWrongFieldCount = onWrongFieldCount;
        _reportWrongFieldCount = reportWrongFieldCount;
    }

    /// <summary>The file being read, as named in rejects.</summary>
    public string FileName => _table.Name;

    /// <summary>The spreadsheet row number of the current row.</summary>
    public int RowNumber => _table.RowNumber;

    /// <summary>Data rows seen so far, blank rows excepted.</summary>
    public int RowsRead { get; private set; }

    /// <summary>
    /// Advances to the next non-blank row with as many fields as the header; rows with a different count are
    /// rejected here.
    /// </summary>
    public bool MoveNext()
    {
        while (_table.MoveNext())
        {
            if (++_rowsSinceCheck == CancellationCheckInterval)
            {
                _rowsSinceCheck = 0;
                _cancellationToken.ThrowIfCancellationRequested();
            }

            if (IsBlank())
            {
                continue;
            }

            RowsRead++;
            var unclosedQuote = _table.UnclosedQuoteField;
            if (_table.FieldCount == _map.FieldCount && unclosedQuote < 0)
            {
                return true;
            }

            if (!_reportWrongFieldCount)
            {
                continue;
            }

            if (unclosedQuote >= 0)
            {
                RejectUnclosedQuote(unclosedQuote);
                _onWrongFieldCount?.Invoke(this);
                continue;
            }

            _rejects.Add(new RosterReject(
                FileName,
                RowNumber,
                "",
                JoinFields(),
                $"列数不对：表头有 {_map.FieldCount} 列，此行有 {_table.FieldCount} 列（含逗号的值须用英文双引号括起）"));
            _onWrongFieldCount?.Invoke(this);
        }

        return false;
    }

    /// <summary>A field of the current row as written (empty when the file or a short row lacks the column).</summary>
    public ReadOnlySpan<char> this[RosterColumn column]
    {
        get
        {
            var index = _map.IndexOf(column);
            return index < 0 || index >= _table.FieldCount ? [] : _table.Field(index);
        }
    }

    /// <summary>A value of a required column, parsed; <see langword="false"/> when the row was rejected.</summary>
    public bool Required<T, TParser>(RosterColumn column, TParser parser, out T value)
        where TParser : struct, IFieldParser<T>
    {
        Debug.Assert(column.Required, $"{column.Name} is optional");
        return Parse(column, parser, out value, out _);
    }

    /// <summary>A value of an optional column, parsed, or null; <see langword="false"/> when the row was rejected.</summary>
    public bool Optional<T, TParser>(RosterColumn column, TParser parser, out T? value)
        where T : struct
        where TParser : struct, IFieldParser<T>
    {
        Debug.Assert(!column.Required, $"{column.Name} is required");
        var ok = Parse(column, parser, out T parsed, out var present);
        value = present ? parsed : null;
        return ok;
    }

    /// <summary>Free text, empty when absent.</summary>
    public bool Text(RosterColumn column, out string value) => ParseText(column, new TextField(null), out value);

    /// <summary>
    /// Checks a required free-text column as <see cref="Text"/> does (rejects the row when it is empty) without making
    /// a string of it: for a pass that only decides whether the row stands.
    /// </summary>
    public bool HasText(RosterColumn column) => Required(column, default(AnyText), out bool _);

    /// <summary>Free text whose values repeat across rows (部门, 职业工种 …): one string per distinct value.</summary>
    public bool SharedText(RosterColumn column, out string value) => ParseText(column, new TextField(_pool), out value);

    /// <summary>
    /// The 工号 of the current row as written, full-width letters and digits narrowed (<see cref="FullWidth"/>): the
    /// key to look the employee up by. Valid until the next row.
    /// </summary>
    public ReadOnlySpan<char> EmployeeId
    {
        get
        {
            var id = this[RosterColumn.EmployeeId];
            if (!FullWidth.Contains(id))
            {
                return id;
            }

            if (_narrow is null || _narrow.Length < id.Length)
            {
                _narrow = new char[Math.Max(id.Length, FullWidth.StackLength)];
            }

            return FullWidth.Narrow(id, _narrow);
        }
    }

    /// <summary>A required date (docs/roster.md: formats, and what a month alone means in this column).</summary>
    /// <param name="column">The column.</param>
    /// <param name="value">The date.</param>
    /// <param name="note">
    /// False not to note again how the value was written (a month only, an Excel serial number): for a second pass over
    /// a row whose first pass did.
    /// </param>
    public bool Date(RosterColumn column, out DateOnly value, bool note = true)
    {
        var parser = new DateField(column.MonthPrecision, excelSerial: true);
        if (!Required(column, parser, out value))
        {
            return false;
        }

        if (note)
        {
            NoteDate(column, parser, value);
        }

        return true;
    }

    /// <summary>An optional date, or null; as <see cref="Date"/>.</summary>
    public bool OptionalDate(RosterColumn column, out DateOnly? value)
    {
        var parser = new DateField(column.MonthPrecision, excelSerial: true);
        if (!Optional(column, parser, out value))
        {
            return false;
        }

        if (value is { } date)
        {
            NoteDate(column, parser, date);
        }

        return true;
    }

    /// <summary>
    /// A code whose values repeat across rows (单位代码): full-width letters and digits narrowed as in an identifier, one
    /// string per distinct value.
    /// </summary>
    public bool SharedIdentifier(RosterColumn column, out string value) => ParseText(column, new SharedIdentifierField(_pool), out value);

    /// <summary>An identifier (工号, 证书编号), empty when absent, full-width letters and digits narrowed.</summary>
    public bool Identifier(RosterColumn column, out string value) => ParseText(column, default(IdentifierField), out value);

    public bool Code<TEnum>(RosterColumn column, out TEnum value)
        where TEnum : struct, Enum => Required(column, default(CodeField<TEnum>), out value);

    public bool OptionalCode<TEnum>(RosterColumn column, out TEnum? value)
        where TEnum : struct, Enum => Optional(column, default(CodeField<TEnum>), out value);

    public bool YesNo(RosterColumn column, out bool value) => Required(column, default(YesNoField), out value);

    public bool Year(RosterColumn column, out int value) => Required(column, default(YearField), out value);

    public bool OptionalIdNumber(RosterColumn column, out string? value) => ParseString(column, default(IdNumberField), out value);

    /// <summary>
    /// A value of a column declared by a plug-in (<see cref="ExtraTableReader"/>), required or not as the column says;
    /// <paramref name="present"/> is false when it is blank or the file lacks the column. <see langword="false"/> when
    /// the row was rejected.
    /// </summary>
    public bool Value<T, TParser>(RosterColumn column, TParser parser, out T value, out bool present)
        where TParser : struct, IFieldParser<T> => Parse(column, parser, out value, out present);

    /// <summary>A date of a column declared by a plug-in, or null when blank; read and noted as <see cref="Date"/>.</summary>
    public bool DeclaredDate(RosterColumn column, out DateOnly? value)
    {
        var parser = new DateField(column.MonthPrecision, excelSerial: true);
        if (!Parse(column, parser, out DateOnly date, out var present))
        {
            value = null;
            return false;
        }

        value = present ? date : null;
        if (present)
        {
            NoteDate(column, parser, date);
        }

        return true;
    }

    /// <summary>Rejects the current row as a whole (no one column to blame); always <see langword="false"/>.</summary>
    public bool RejectRow(string reason)
    {
        _rejects.Add(new RosterReject(FileName, RowNumber, "", JoinFields(), reason));
        return false;
    }

    /// <summary>Rejects the current row on a column; always <see langword="false"/>.</summary>
    public bool Reject(RosterColumn column, string reason) =>
        Reject(column, this[column].ToString(), reason);

    /// <summary>The unknown columns of the current row, by header as written; for plug-ins.</summary>
    public IReadOnlyDictionary<string, string> Extra() => ToDictionary(_map.Unknown, ref _unknownColumns);

    /// <summary>Every column of the current row, by header as written (rows of extra files).</summary>
    public IReadOnlyDictionary<string, string> AllValues() => ToDictionary(_map.All, ref _allColumns);

    private bool Parse<T, TParser>(RosterColumn column, TParser parser, out T value, out bool present)
        where TParser : struct, IFieldParser<T>
    {
        value = default!;
        present = false;
        var index = _map.IndexOf(column);
        if (index < 0)
        {
            return true;
        }

        var text = _table.Field(index);
        if (text.IsEmpty)
        {
            return !column.Required || Reject(column, "", $"{column.ChineseName}为必填项，不能为空");
        }

        if (parser.TryParse(text, out value!, out var reason))
        {
            present = true;
            return true;
        }

        if (column.Required || !_keepsBadOptionalValues)
        {
            return Reject(column, text.ToString(), reason);
        }

        _rejects.Add(new RosterReject(FileName, RowNumber, _map.HeaderOf(column), text.ToString(), $"{reason}；已忽略该值，该员工仍参加筛选"));
        return true;
    }

    // A date read, but not as written in full (a month only, an Excel serial number): one line in rejects.csv that
    // says what the reader made of it; the row stands.
    private void NoteDate(RosterColumn column, DateField parser, DateOnly value)
    {
        var text = this[column];
        if (parser.Note(text, value) is { } note)
        {
            _rejects.Add(new RosterReject(FileName, RowNumber, _map.HeaderOf(column), text.ToString(), note));
        }
    }

    private bool ParseText<TParser>(RosterColumn column, TParser parser, out string value)
        where TParser : struct, IFieldParser<string>
    {
        var ok = ParseString(column, parser, out var text);
        value = text ?? "";
        return ok;
    }

    private bool ParseString<TParser>(RosterColumn column, TParser parser, out string? value)
        where TParser : struct, IFieldParser<string>
    {
        var ok = Parse(column, parser, out string text, out var present);
        value = present ? text : null;
        return ok;
    }

    private bool Reject(RosterColumn column, string value, string reason)
    {
        _rejects.Add(new RosterReject(FileName, RowNumber, _map.HeaderOf(column), value, reason));
        return false;
    }

    // A CSV row cut off where its quote was not closed (docs/roster.md, Bad input): one reject, at the row the quote is
    // on, naming its column; the next line is read as the next row.
    private void RejectUnclosedQuote(int field)
    {
        _rejects.Add(new RosterReject(
            FileName,
            RowNumber,
            field < _table.Header.Count ? _table.Header[field] : "",
            _table.Field(field).ToString(),
            "此列的英文双引号（\"）没有配对，引号后的内容跨到了下一行：已跳过此行，下一行照常读取。" +
            "请删除多余的引号；值中确需双引号时，整个值用双引号括起、其中的引号写两遍（\"\"）"));
    }

    private bool IsBlank()
    {
        for (var i = 0; i < _table.FieldCount; i++)
        {
            if (!_table.Field(i).IsEmpty)
            {
                return false;
            }
        }

        return true;
    }

    private string JoinFields()
    {
        var text = new StringBuilder();
        for (var i = 0; i < _table.FieldCount; i++)
        {
            text.Append(i == 0 ? "" : ",").Append(_table.Field(i));
        }

        return text.ToString();
    }

    private IReadOnlyDictionary<string, string> ToDictionary(ReadOnlySpan<(int Index, string Header)> columns, ref RowColumns? shared)
    {
        if (columns.IsEmpty)
        {
            return ReadOnlyDictionary<string, string>.Empty;
        }

        shared ??= new RowColumns([.. columns.ToArray().Select(c => c.Header)]);
        var values = new string[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            values[i] = _pool.Get(_table.Field(columns[i].Index));
        }

        return new RowValues(shared, values);
    }

    // Any non-empty text is valid; nothing is kept.
    private readonly struct AnyText : IFieldParser<bool>
    {
        public bool TryParse(ReadOnlySpan<char> text, out bool value, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? reason)
        {
            value = true;
            reason = null;
            return true;
        }
    }
}
