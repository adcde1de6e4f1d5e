using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Engine.Roster.Sources;

namespace EnterpriseEval.Workflow.Excel;

/// <summary>The <c>.xlsx</c> workbook as a roster format (docs/roster.md, "One workbook instead of a folder").</summary>
internal sealed class WorkbookRosterFormat : ITableSourceOpener
{
    /// <summary>The formats the host adds to the engine's CSV folders: the workbook.</summary>
    public static IReadOnlyList<ITableSourceOpener> All { get; } = [new WorkbookRosterFormat()];

    public bool Opens(string path) => path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    public ITableSource Open(string path, RosterLimits? limits) => new XlsxWorkbookSource(path, limits);
}
