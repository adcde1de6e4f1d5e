using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Cases;

/// <summary>
/// One declarative test case (docs/test-cases.md): an employee's facts in the roster's own column names, the cut-off,
/// the plug-ins and options, and what is expected on each path. Read from a case file by <see cref="CaseFile.Load"/>;
/// run by <see cref="CaseRunner"/>.
/// </summary>
public sealed class ScreeningCase
{
    internal ScreeningCase(
        string file,
        int line,
        string name,
        string description,
        DateOnly asOf,
        IReadOnlyList<string> plugins,
        IReadOnlyDictionary<string, string?> options,
        IReadOnlyList<CaseTable> tables,
        IReadOnlyList<PathExpectation> expectations)
    {
        File = file;
        Line = line;
        Name = name;
        Description = description;
        AsOf = asOf;
        Plugins = plugins;
        Options = options;
        Tables = tables;
        Expectations = expectations;
    }

    /// <summary>The case file, as given (relative paths stay relative).</summary>
    public string File { get; }

    /// <summary>The line of the case file where the case begins (1-based).</summary>
    public int Line { get; }

    /// <summary>The case's name (名称).</summary>
    public string Name { get; }

    /// <summary>What the case shows and the clause it rests on (说明); may be empty.</summary>
    public string Description { get; }

    /// <summary>The cut-off date (截止日期).</summary>
    public DateOnly AsOf { get; }

    /// <summary>The ids of the plug-ins the case runs with (插件); none = the statutory rules alone.</summary>
    public IReadOnlyList<string> Plugins { get; }

    /// <summary>Configuration keys and values the case sets (配置), e.g. <c>EnterpriseEval:Policy:DefaultSeries</c>.</summary>
    public IReadOnlyDictionary<string, string?> Options { get; }

    /// <summary>What is expected, per path, in the order the case states it.</summary>
    public IReadOnlyList<PathExpectation> Expectations { get; }

    /// <summary>The facts as roster tables (employees first), each with the line it is written on.</summary>
    internal IReadOnlyList<CaseTable> Tables { get; }

    /// <summary>How a test runner shows the case: <c>file：name</c>.</summary>
    /// <returns>The file and the case's name.</returns>
    public override string ToString() => $"{File}：{Name}";
}

/// <summary>What a case expects of the decision(s) on one path; only what is stated is compared (docs/test-cases.md).</summary>
public sealed class PathExpectation
{
    internal PathExpectation(ScreeningPath path, int line)
    {
        Path = path;
        Line = line;
    }

    /// <summary>The path (路径).</summary>
    public ScreeningPath Path { get; }

    /// <summary>The line of the case file where the expectation is written.</summary>
    public int Line { get; }

    /// <summary>Whether the case states that the path gets no decision at all (结论: 无判定).</summary>
    public bool NoDecision { get; internal init; }

    /// <summary>The expected outcome (结论), or null when not stated.</summary>
    public Outcome? Outcome { get; internal init; }

    /// <summary>Whether the earliest eligible date (最早可申报日期) is stated; then <see cref="EarliestEligibleOn"/> is
    /// compared, null meaning "no date".</summary>
    public bool StatesEarliestEligibleOn { get; internal init; }

    /// <summary>The expected earliest eligible date, when <see cref="StatesEarliestEligibleOn"/>; null = none expected.</summary>
    public DateOnly? EarliestEligibleOn { get; internal init; }

    /// <summary>The expected target level as its code (<c>assistant</c>, <c>technician</c> …), or null when not stated.</summary>
    public string? Level { get; internal init; }

    /// <summary>Rule ids that must be among the decision's findings (规则).</summary>
    public IReadOnlyList<string> Rules { get; internal init; } = [];

    /// <summary>Rule ids that must not be among the decision's findings (不含规则).</summary>
    public IReadOnlyList<string> AbsentRules { get; internal init; } = [];
}

/// <summary>One roster table of a case: its name, header and rows of text, as a CSV file would give them.</summary>
/// <param name="Name">The table (<c>employees</c>, <c>titles</c> … or an extra file's name without <c>.csv</c>).</param>
/// <param name="Key">The key the case file gives it (<c>员工</c>, <c>titles</c> …), for messages.</param>
/// <param name="Header">The columns in the order first written.</param>
/// <param name="Rows">The values, one array per row, aligned with <paramref name="Header"/>.</param>
/// <param name="Lines">The line of the case file of each row.</param>
internal sealed record CaseTable(string Name, string Key, IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows, IReadOnlyList<int> Lines);
