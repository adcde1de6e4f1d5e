using System.Runtime.CompilerServices;

namespace EnterpriseEval.Sdk.Tables;

/// <summary>
/// One row of a plug-in's extra table, its values already parsed by the runtime (docs/roster.md): what the table's
/// factory (<see cref="ExtraTable.Define{TRow}"/>) turns into the plug-in's own record. Valid only during that call —
/// the runtime reuses it for the next row — so read the values out, never keep the row.
/// </summary>
public sealed class ExtraRow
{
    private readonly ExtraTable _table;
    private readonly string[] _texts;
    private readonly DateOnly?[] _dates;
    private readonly int?[] _integers;
    private readonly decimal?[] _decimals;

    internal ExtraRow(ExtraTable table)
    {
        _table = table;
        var n = table.Columns.Count;
        _texts = new string[n];
        Array.Fill(_texts, "");
        _dates = new DateOnly?[n];
        _integers = new int?[n];
        _decimals = new decimal?[n];
    }

    /// <summary>The 工号 the row belongs to, as <c>employees.csv</c> writes it.</summary>
    public string EmployeeId { get; internal set; } = "";

    /// <summary>The file the row comes from, as named in <c>rejects.csv</c> (<c>apprentices.csv</c>, or the sheet of a workbook).</summary>
    public string FileName { get; internal set; } = "";

    /// <summary>The row's number in the file, as <c>rejects.csv</c> counts it (the header is row 1).</summary>
    public int RowNumber { get; internal set; }

    /// <summary>The parsed value of a column of this table: blank text reads as <c>""</c>, a blank date or number as <see langword="null"/>.</summary>
    /// <typeparam name="T">The column's value type.</typeparam>
    /// <param name="column">A column of the table this row belongs to.</param>
    /// <exception cref="ArgumentException">The column belongs to another table.</exception>
    public T Get<T>(ExtraColumn<T> column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (!ReferenceEquals(column.Table, _table))
        {
            throw new ArgumentException($"Column {column.Name} is not a column of the extra table {_table.Name}.", nameof(column));
        }

        // T is fixed by the factory that made the column (string, DateOnly?, int?, decimal?), so the reinterpretation
        // below is exact; no boxing per value.
        var i = column.Index;
        return column.Type switch
        {
            ExtraColumnType.Date => Unsafe.As<DateOnly?, T>(ref _dates[i]),
            ExtraColumnType.Integer => Unsafe.As<int?, T>(ref _integers[i]),
            ExtraColumnType.Decimal => Unsafe.As<decimal?, T>(ref _decimals[i]),
            _ => Unsafe.As<string, T>(ref _texts[i]),
        };
    }

    internal void Clear(int index)
    {
        _texts[index] = "";
        _dates[index] = null;
        _integers[index] = null;
        _decimals[index] = null;
    }

    internal void SetText(int index, string value) => _texts[index] = value;

    internal void SetDate(int index, DateOnly? value) => _dates[index] = value;

    internal void SetInteger(int index, int? value) => _integers[index] = value;

    internal void SetDecimal(int index, decimal? value) => _decimals[index] = value;
}
