using System.Collections.Frozen;

namespace EnterpriseEval.Engine.Roster.Sources;

/// <summary>
/// The Chinese names a workbook may give the roster sheets instead of the CSV file names (docs/roster.md):
/// 员工 for <c>employees</c>, 职称 for <c>titles</c> …
/// </summary>
internal static class RosterSheetNames
{
    private static readonly FrozenDictionary<string, string> ByChineseName = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["员工"] = "employees",
        ["员工信息"] = "employees",
        ["技能证书"] = "skill_certificates",
        ["职业技能等级证书"] = "skill_certificates",
        ["职称"] = "titles",
        ["年度考核"] = "assessments",
        ["考核"] = "assessments",
        ["荣誉"] = "honours",
        ["业绩成果"] = "achievements",
        ["业绩"] = "achievements",
        ["工作经历"] = "work_periods",
        ["申报"] = "applications",
        ["申报信息"] = "applications",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The table a sheet holds: the English name for a known Chinese sheet name, else the sheet name itself.</summary>
    public static string TableName(string sheetName)
    {
        var trimmed = sheetName.Trim();
        if (trimmed.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[..^4];
        }

        return ByChineseName.GetValueOrDefault(trimmed, trimmed);
    }
}
