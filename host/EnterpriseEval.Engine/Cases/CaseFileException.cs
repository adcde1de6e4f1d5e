namespace EnterpriseEval.Engine.Cases;

/// <summary>
/// A case file that cannot be read (docs/test-cases.md): not YAML, a key that is not known, a value of the wrong kind.
/// <see cref="Exception.Message"/> is one line of Chinese naming the file, line and column.
/// </summary>
public sealed class CaseFileException : EngineException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The case file.</param>
    /// <param name="line">The line (1-based; 0 when the whole file is at fault).</param>
    /// <param name="column">The column (1-based; 0 when the whole file is at fault).</param>
    /// <param name="problem">What is wrong, in Chinese.</param>
    /// <param name="innerException">The error behind it, if any.</param>
    public CaseFileException(string file, int line, int column, string problem, Exception? innerException = null)
        : base(line > 0 ? $"{file}（第 {line} 行，第 {column} 列）：{problem}" : $"{file}：{problem}", innerException ?? new InvalidDataException(problem))
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The case file.</summary>
    public string File { get; }

    /// <summary>The line (1-based), or 0.</summary>
    public int Line { get; }

    /// <summary>The column (1-based), or 0.</summary>
    public int Column { get; }

    /// <summary>What is wrong, without the place.</summary>
    public string Problem { get; }
}
