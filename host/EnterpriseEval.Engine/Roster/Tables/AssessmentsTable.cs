using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Roster.Tables;

/// <summary><c>assessments.csv</c>: annual assessment results, at most one per employee and year.</summary>
internal static class AssessmentsTable
{
    public static readonly RosterColumn Year = new("year", "年度", required: true);
    public static readonly RosterColumn Result = new("result", "考核结果", required: true);

    public static readonly RosterTableSchema Schema = new(
        "assessments",
        keepsBadOptionalValues: false,
        RosterColumn.EmployeeId,
        Year,
        Result);

    public static void Read(RowParser row, EmployeeBuilder employee)
    {
        if (!(row.Year(Year, out var year) && row.Code(Result, out AssessmentResult result)))
        {
            return;
        }

        if (employee.HasAssessment(year))
        {
            // Two results for one year cannot both be true, and R4 must not pick one silently.
            row.Reject(Year, $"该员工 {year} 年度的考核结果重复（每年只能有一条），以先出现的一行为准");
            return;
        }

        employee.Add(new Assessment { Year = year, Result = result, Extra = row.Extra() });
    }
}
