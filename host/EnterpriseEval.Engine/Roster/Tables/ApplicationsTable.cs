using EnterpriseEval.Engine.Roster.Fields;
using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Roster.Tables;

/// <summary><c>applications.csv</c>: what each employee applies for; without it every path is tried (docs/roster.md).</summary>
internal static class ApplicationsTable
{
    public static readonly RosterColumn Path = new("path", "申报路径", required: true);
    public static readonly RosterColumn TargetLevel = new("target_level", "申报层级", required: true);
    public static readonly RosterColumn TargetSeries = new("target_series", "申报系列");
    public static readonly RosterColumn TargetOccupation = new("target_occupation", "申报职业工种");

    public static readonly RosterTableSchema Schema = new(
        "applications",
        keepsBadOptionalValues: false,
        RosterColumn.EmployeeId,
        Path,
        TargetLevel,
        TargetSeries,
        TargetOccupation);

    public static void Read(RowParser row, EmployeeBuilder employee)
    {
        if (!row.Code(Path, out ScreeningPath path))
        {
            return;
        }

        TitleLevel? titleLevel = null;
        SkillLevel? skillLevel = null;
        if (path is ScreeningPath.SkillToTitle or ScreeningPath.GreenChannel)
        {
            if (!row.Required(TargetLevel, new TargetLevelField<TitleLevel, SkillLevel>(path), out TitleLevel title))
            {
                return;
            }

            titleLevel = title;
        }
        else
        {
            if (!row.Required(TargetLevel, new TargetLevelField<SkillLevel, TitleLevel>(path), out SkillLevel skill))
            {
                return;
            }

            skillLevel = skill;
        }

        if (row.OptionalCode(TargetSeries, out TitleSeries? series)
            && row.SharedText(TargetOccupation, out var occupation))
        {
            employee.Add(new Application
            {
                Path = path,
                TargetTitleLevel = titleLevel,
                TargetSkillLevel = skillLevel,
                TargetSeries = series,
                TargetOccupation = occupation,
                Extra = row.Extra(),
            });
        }
    }
}
