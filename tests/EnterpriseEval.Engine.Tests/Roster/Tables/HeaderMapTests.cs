using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Engine.Roster.Tables;

namespace EnterpriseEval.Engine.Tests.Roster.Tables;

public sealed class HeaderMapTests
{
    [Fact]
    public void English_and_Chinese_headers_map_to_the_same_column()
    {
        var english = HeaderMap.Create("t.csv", ["EMPLOYEE_ID", "year", "result"], AssessmentsTable.Schema);
        var chinese = HeaderMap.Create("t.csv", ["考核结果", "年度", "工号"], AssessmentsTable.Schema);

        Assert.Equal((0, 1, 2), (english.IndexOf(RosterColumn.EmployeeId), english.IndexOf(AssessmentsTable.Year), english.IndexOf(AssessmentsTable.Result)));
        Assert.Equal((2, 1, 0), (chinese.IndexOf(RosterColumn.EmployeeId), chinese.IndexOf(AssessmentsTable.Year), chinese.IndexOf(AssessmentsTable.Result)));
        Assert.Equal("考核结果", chinese.HeaderOf(AssessmentsTable.Result));
    }

    [Fact]
    public void Absent_optional_column_maps_to_minus_one()
    {
        var map = HeaderMap.Create("t.csv", ["employee_id", "start", "kind"], WorkPeriodsTable.Schema);

        Assert.Equal(-1, map.IndexOf(WorkPeriodsTable.End));
    }

    [Fact]
    public void Unknown_headers_are_kept_and_empty_header_cells_ignored()
    {
        var map = HeaderMap.Create("t.csv", ["employee_id", "year", "result", "备注", ""], AssessmentsTable.Schema);

        Assert.Equal([(3, "备注")], map.Unknown.ToArray());
        Assert.Equal(5, map.FieldCount);
    }

    [Fact]
    public void Known_column_given_twice_stops_the_import()
    {
        var error = Assert.Throws<RosterException>(() => HeaderMap.Create("t.csv", ["employee_id", "year", "result", "年度"], AssessmentsTable.Schema));

        Assert.Equal("t.csv 的表头中“year（年度）”出现了两次（第 2 列和第 4 列）", error.Message);
    }

    [Fact]
    public void Unknown_column_given_twice_stops_the_import()
    {
        var error = Assert.Throws<RosterException>(() => HeaderMap.Create("t.csv", ["employee_id", "year", "result", "备注", "备注"], AssessmentsTable.Schema));

        Assert.Equal("t.csv 的表头中“备注”出现了两次（第 4 列和第 5 列）", error.Message);
    }
}
