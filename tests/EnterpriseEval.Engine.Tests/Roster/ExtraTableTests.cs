using EnterpriseEval.Workflow.Excel;
using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Engine.Tests.Excel;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Plugins;
using EnterpriseEval.Sdk.Tables;

namespace EnterpriseEval.Engine.Tests.Roster;

/// <summary>
/// A plug-in's declared extra table (docs/roster.md, "Files for plug-ins"): read once at import with the roster's own
/// parsers, every bad value a row of rejects.csv with file, row, column, value and a Chinese reason — one test per
/// declared type — and the rows that stand handed to criteria typed.
/// </summary>
public sealed class ExtraTableTests : IDisposable
{
    private static readonly ExtraColumn<string> Kind = ExtraColumn.Text("kind", "类别", required: true);
    private static readonly ExtraColumn<DateOnly?> On = ExtraColumn.Date("on", "日期");
    private static readonly ExtraColumn<int?> Count = ExtraColumn.Integer("count", "次数");
    private static readonly ExtraColumn<decimal?> Hours = ExtraColumn.Decimal("hours", "学时");
    private static readonly ExtraColumn<string> Grade = ExtraColumn.Code("grade", "等级", required: false, new("good", "良好"), new("poor", "较差"));
    private static readonly ExtraColumn<string> Diploma = ExtraColumn.Text("diploma", "学历证书").About(CriterionTopic.Education);

    private static readonly ExtraTable<Entry> Entries = ExtraTable.Define(
        "entries",
        "记录",
        [Kind, On, Count, Hours, Grade, Diploma],
        row => new Entry(row.Get(Kind), row.Get(On), row.Get(Count), row.Get(Hours), row.Get(Grade), row.Get(Diploma), row.RowNumber));

    private static readonly ExtraColumn<string> Language = ExtraColumn.Text("language", "语种", required: true);

    private static readonly ExtraTable<Entry> Languages = ExtraTable.Define(
        "languages", "外语成绩", [Language], row => new Entry(row.Get(Language), null, null, null, "", "", row.RowNumber), CriterionTopic.ForeignLanguage);

    private const string Header = "employee_id,kind,on,count,hours,grade,diploma";

    private readonly RosterFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Good_rows_reach_the_record_typed_in_every_form_the_roster_accepts()
    {
        _folder.WithEmployees("E1", "E2").Write(
            "entries.csv",
            "工号,类别,日期,次数,学时,等级,学历证书",
            "E1,培训,2024年3月5日,３,7.5,良好,本科",
            "E1,考核,2024/4/1,-2,８０,POOR,",
            "E2,培训,,,,,");

        var result = Read(Entries);

        Assert.Empty(result.Rejects);
        var rows = Entries.RowsOf(result.Records[0]);
        Assert.Equal(new Entry("培训", new DateOnly(2024, 3, 5), 3, 7.5m, "good", "本科", 2), rows[0]);
        Assert.Equal(new Entry("考核", new DateOnly(2024, 4, 1), -2, 80m, "poor", "", 3), rows[1]);
        Assert.Equal(new Entry("培训", null, null, null, "", "", 4), Assert.Single(Entries.RowsOf(result.Records[1])));

        // Declared files are read typed, not kept as text.
        Assert.Empty(result.Records[0].ExtraFiles);
    }

    [Fact]
    public void Required_text_left_empty_is_a_reject_and_the_row_is_dropped()
    {
        _folder.WithEmployees("E1").Write("entries.csv", Header, "E1,,2024-01-01,1,1,good,", "E1,培训,2024-01-01,1,1,good,");

        var result = Read(Entries);

        RejectAssert.Single(result, "entries.csv", 2, "kind", "", "类别为必填项");
        Assert.Single(Entries.RowsOf(result.Records[0]));
    }

    [Fact]
    public void Bad_date_is_a_reject_with_the_roster_date_reason()
    {
        _folder.WithEmployees("E1").Write("entries.csv", Header, "E1,培训,2024-13-45,1,1,good,");

        var result = Read(Entries);

        RejectAssert.Single(result, "entries.csv", 2, "on", "2024-13-45", "日期");
        Assert.Empty(Entries.RowsOf(result.Records[0]));
    }

    [Fact]
    public void Bad_integer_is_a_reject()
    {
        _folder.WithEmployees("E1").Write("entries.csv", Header, "E1,培训,2024-01-01,三次,1,good,");

        RejectAssert.Single(Read(Entries), "entries.csv", 2, "count", "三次", "应为整数");
    }

    [Fact]
    public void Bad_decimal_is_a_reject()
    {
        _folder.WithEmployees("E1").Write("entries.csv", Header, "E1,培训,2024-01-01,1,约80,good,");

        RejectAssert.Single(Read(Entries), "entries.csv", 2, "hours", "约80", "应为数字");
    }

    [Fact]
    public void Value_outside_the_code_list_is_a_reject_naming_the_values_in_Chinese_and_English()
    {
        _folder.WithEmployees("E1").Write("entries.csv", Header, "E1,培训,2024-01-01,1,1,一般,");

        RejectAssert.Single(Read(Entries), "entries.csv", 2, "grade", "一般", "等级应为以下取值之一：良好（good）、较差（poor）");
    }

    [Fact]
    public void Unknown_employee_is_rejected_as_in_any_roster_file()
    {
        _folder.WithEmployees("E1").Write("entries.csv", Header, "E9,培训,2024-01-01,1,1,good,");

        RejectAssert.Single(Read(Entries), "entries.csv", 2, "employee_id", "E9", "工号 E9 在 employees.csv 中不存在");
    }

    [Fact]
    public void Missing_required_column_stops_the_import_naming_file_and_column()
    {
        _folder.WithEmployees("E1").Write("entries.csv", "employee_id,on", "E1,2024-01-01");

        var e = Assert.Throws<RosterException>(() => Read(Entries));

        Assert.Contains("entries.csv 缺少必需列 kind（类别）", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_employee_id_column_stops_the_import_of_a_declared_file()
    {
        _folder.WithEmployees("E1").Write("entries.csv", "kind", "培训");

        var e = Assert.Throws<RosterException>(() => Read(Entries));

        Assert.Contains("employee_id（工号）", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_streamed_import_hands_out_the_same_typed_rows_and_rejects()
    {
        _folder.WithEmployees("E1", "E2", "E3").Write("entries.csv", Header, "E1,培训,2024-01-01,1,1,good,", "E2,培训,bad,1,1,good,", "E3,考核,2024-02-01,2,2,poor,");

        using var stream = RosterReader.OpenStream(_folder.Path, tables: [Entries])!;
        var records = new List<EmployeeRecord>();
        while (stream.Next(1) is { } chunk)
        {
            records.AddRange(chunk);
        }

        Assert.Equal([1, 0, 1], records.Select(r => Entries.RowsOf(r).Count));
        Assert.Equal("on", Assert.Single(stream.Rejects()).Column);
    }

    [Fact]
    public void A_workbook_sheet_is_read_as_the_declared_table()
    {
        var path = Path.Combine(_folder.Path, "roster.xlsx");
        new TestWorkbook()
            .Sheet("employees", ["employee_id", "name", "hire_date", "post_category", "frontline"], ["E1", "张三", "2015-03-01", "skill", "yes"])
            .Sheet("entries", ["employee_id", "kind", "hours"], ["E1", "培训", "7.5"], ["E1", "考核", "很多"])
            .Save(path);

        var result = RosterReader.ReadFolder(path, default, null, WorkbookRosterFormat.All, [Entries]);

        Assert.Equal(7.5m, Assert.Single(Entries.RowsOf(result.Records[0])).Hours);
        var reject = Assert.Single(result.Rejects);
        Assert.Equal(("hours", "很多"), (reject.Column, reject.Value));
    }

    [Fact]
    public void On_the_skill_to_title_path_columns_and_tables_declared_about_a_hidden_topic_are_not_shown()
    {
        _folder.WithEmployees("E1")
            .Write("entries.csv", Header, "E1,培训,2024-01-01,1,1,good,本科")
            .Write("languages.csv", "employee_id,language", "E1,英语")
            .Write("notes.csv", "employee_id,学历", "E1,本科");

        var record = Read(Entries, Languages).Records[0];
        var shown = record.ForSkillToTitle();

        Assert.Equal("本科", Assert.Single(Entries.RowsOf(record)).Diploma);
        Assert.Equal("", Assert.Single(Entries.RowsOf(shown)).Diploma);
        Assert.Single(Languages.RowsOf(record));
        Assert.Empty(Languages.RowsOf(shown));
        Assert.Equal("", shown.Employee.Education);

        // An undeclared file declares no topic: kept as text and shown as it is (docs/plugin-authoring.md).
        Assert.Equal(record.ExtraFiles, shown.ExtraFiles);
    }

    [Fact]
    public void A_factory_that_throws_rejects_its_row_not_the_import()
    {
        var boom = ExtraColumn.Text("x", "某列");
        var table = ExtraTable.Define<Entry>("boom", "会出错的表", [boom], _ => throw new InvalidOperationException("bad"));
        _folder.WithEmployees("E1").Write("boom.csv", "employee_id,x", "E1,1");

        var reject = Assert.Single(Read(table).Rejects);

        Assert.Contains("会出错的表", reject.Reason, StringComparison.Ordinal);
    }

    private RosterReadResult Read(params ExtraTable[] tables) => RosterReader.ReadFolder(_folder.Path, tables: tables);

    private sealed record Entry(string Kind, DateOnly? On, int? Count, decimal? Hours, string Grade, string Diploma, int Row);
}
