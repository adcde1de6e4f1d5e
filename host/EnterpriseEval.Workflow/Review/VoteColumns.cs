using EnterpriseEval.Engine.Roster.Tables;

namespace EnterpriseEval.Workflow.Review;

/// <summary>The columns of a committee vote file (CSV or the first sheet of a workbook), English or Chinese headers.</summary>
internal static class VoteColumns
{
    public static readonly RosterColumn Path = new("path", "申报路径");
    public static readonly RosterColumn TargetLevel = new("target_level", "申报层级", required: true);
    public static readonly RosterColumn Committee = new("committee", "评委总数", required: true);
    public static readonly RosterColumn Present = new("present", "出席人数", required: true);
    public static readonly RosterColumn For = new("for", "赞成票", required: true);
    public static readonly RosterColumn Against = new("against", "反对票", required: true);
    public static readonly RosterColumn Abstain = new("abstain", "弃权票", required: true);

    public static readonly RosterTableSchema Schema = new(
        "votes", keepsBadOptionalValues: false, RosterColumn.EmployeeId, Path, TargetLevel, Committee, Present, For, Against, Abstain);
}
