using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Tests.Roster.Tables;

public sealed class WorkPeriodsTableTests : IDisposable
{
    private readonly RosterFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Period_ending_before_it_starts_is_rejected()
    {
        _folder.WithEmployees("E1").Write("work_periods.csv", "employee_id,start,end,kind", "E1,2020-05-01,2020-04-30,technical_skill", "E1,2020-05-01,2020-05-01,other");

        var result = _folder.Read();

        RejectAssert.Single(result, "work_periods.csv", 2, "end", "2020-04-30", "结束日期早于开始日期");
        Assert.Equal(WorkKind.Other, Assert.Single(result.Records[0].WorkPeriods).Kind);
    }

    [Fact]
    public void Empty_end_means_ongoing()
    {
        _folder.WithEmployees("E1").Write("work_periods.csv", "employee_id,start,end,kind", "E1,2020-05-01,,技术技能");

        var period = Assert.Single(Assert.Single(_folder.Read().Records).WorkPeriods);

        Assert.Null(period.End);
    }
}
