using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Tests.Roster.Tables;

public sealed class AssessmentsTableTests : IDisposable
{
    private readonly RosterFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Second_assessment_of_the_same_year_is_rejected_and_the_first_stands()
    {
        _folder.WithEmployees("E1", "E2").Write("assessments.csv", "employee_id,year,result", "E1,2023,合格", "E2,2023,优秀", "E1,2023,不合格", "E1,2022,优秀");

        var result = _folder.Read();

        RejectAssert.Single(result, "assessments.csv", 4, "year", "2023", "2023 年度的考核结果重复");
        Assert.Equal([(2023, AssessmentResult.Qualified), (2022, AssessmentResult.Excellent)], result.Records[0].Assessments.Select(a => (a.Year, a.Result)));
        Assert.Single(result.Records[1].Assessments);
    }

    [Fact]
    public void Non_numeric_year_rejects_the_row()
    {
        _folder.WithEmployees("E1").Write("assessments.csv", "工号,年度,考核结果", "E1,二〇二三,合格", "E1,2022,合格");

        var result = _folder.Read();

        RejectAssert.Single(result, "assessments.csv", 2, "年度", "二〇二三", "年度应为四位数字年份");
        Assert.Single(result.Records[0].Assessments);
    }
}
