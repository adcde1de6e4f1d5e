using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Workflow.Excel;

namespace EnterpriseEval.Engine.Tests.Support;

/// <summary>Reads a roster as <c>eeval</c> does: CSV folders and, registered by the host, <c>.xlsx</c> workbooks.</summary>
internal static class HostRoster
{
    public static RosterReadResult ReadFolder(string path, RosterLimits? limits = null) =>
        RosterReader.ReadFolder(path, default, limits, WorkbookRosterFormat.All);
}
