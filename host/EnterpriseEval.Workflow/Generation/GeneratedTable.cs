using EnterpriseEval.Engine.Output;
using nietras.SeparatedValues;

namespace EnterpriseEval.Workflow.Generation;

/// <summary>One roster file being written row by row (streamed through Sep; nothing is kept but the row count).</summary>
internal sealed class GeneratedTable : IDisposable
{
    private readonly SepWriter _writer;
    private readonly int _columns;

    public GeneratedTable(string folder, string name, params string[] header)
    {
        FileName = name + ".csv";
        FilePath = Path.Combine(folder, FileName);
        _columns = header.Length;
        _writer = CsvOutput.Create(FilePath, header);
    }

    /// <summary>The file name as rejects name it, e.g. <c>employees.csv</c>.</summary>
    public string FileName { get; }

    public string FilePath { get; }

    /// <summary>Data rows written so far.</summary>
    public long Rows { get; private set; }

    /// <summary>The spreadsheet row number the next row will have (the header is row 1).</summary>
    public int NextRowNumber => checked((int)(Rows + 2));

    public void Write(params ReadOnlySpan<string> values)
    {
        if (values.Length != _columns)
        {
            throw new ArgumentException($"{FileName}: {values.Length} values for {_columns} columns.", nameof(values));
        }

        using (var row = _writer.NewRow())
        {
            for (var i = 0; i < values.Length; i++)
            {
                row[i].Set(values[i]);
            }
        }

        Rows++;
    }

    public void Dispose() => _writer.Dispose();
}
