using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Engine.Output;

/// <summary>How a decision's target reads for people: 工程系列中级职称, 车工技师.</summary>
internal static class DecisionText
{
    public static string Target(Decision d) =>
        d.TargetTitleLevel is { } title
            ? d.TargetSeries is { } series
                ? $"{series.ToChinese()}系列{title.ToChinese()}职称"
                : $"{title.ToChinese()}职称（职称系列待确认）"
            : $"{d.TargetOccupation}{d.TargetSkillLevel?.ToChinese() ?? ""}";
}
