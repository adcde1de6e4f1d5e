using EnterpriseEval.Engine.Roster;

namespace EnterpriseEval.Engine;

/// <summary>What a run read and screened, handed to the sink when the run completes and returned by the run.</summary>
public sealed class ScreeningSummary
{
    private IReadOnlyList<string>? _rejects;

    internal ScreeningSummary(DateOnly asOf, string pluginProvenance, int employeeRowsRead, int employees, int notApplied, IReadOnlyList<RosterReject> rosterRejects)
    {
        AsOf = asOf;
        PluginProvenance = pluginProvenance;
        EmployeeRowsRead = employeeRowsRead;
        Employees = employees;
        NotApplied = notApplied;
        RosterRejects = rosterRejects;
    }

    /// <summary>The cut-off date (截止日期) screened at.</summary>
    public DateOnly AsOf { get; }

    /// <summary>The plug-ins as every decision records them: <c>id@version#sha256</c>, <c>;</c> separated (empty: statutory rules only).</summary>
    public string PluginProvenance { get; }

    /// <summary>Data rows seen in the employees table, accepted or not.</summary>
    public int EmployeeRowsRead { get; }

    /// <summary>Employees accepted into the run (one per accepted row of the employees table).</summary>
    public int Employees { get; }

    /// <summary>
    /// Employees not screened because the roster has applications and they have none (docs/rules.md "Which decisions
    /// are made").
    /// </summary>
    public int NotApplied { get; }

    /// <summary>Employees screened: <see cref="Employees"/> less <see cref="NotApplied"/>.</summary>
    public int EmployeesScreened => Employees - NotApplied;

    /// <summary>Each rejected row or value of the roster, as a Chinese line naming file, row, column, value and reason.</summary>
    public IReadOnlyList<string> Rejects => _rejects ??=
        [.. RosterRejects.Select(r => $"{r.File} 第{r.Row}行{(r.Column.Length > 0 ? $" {r.Column}" : "")}“{r.Value}”：{r.Reason}")];

    /// <summary>What the person should know about how the roster was read (Chinese), e.g. files read as GB18030.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The rejected rows and values, as the rejects file writes them.</summary>
    internal IReadOnlyList<RosterReject> RosterRejects { get; }

    /// <summary>A Chinese warning about the applications table (a header and no rows), or null.</summary>
    internal string? ApplicationsWarning { get; init; }

    /// <summary>How a workbook was read (a sheet taken as employees, title rows skipped), for the summary.</summary>
    internal IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Why a CSV roster was read whole rather than a chunk at a time, or null (the results are the same).</summary>
    internal string? ReadWhole { get; init; }
}
