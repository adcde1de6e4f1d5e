using EnterpriseEval.Workflow.Generation;
using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Tests.Roster;

/// <summary>
/// Issue #18 "One stray quote loses 55 employees": a <c>"</c> that is never closed used to swallow every following line
/// of the file into one rejected "row". Now the row it is on is rejected, naming the column and the unclosed quote,
/// and reading goes on at the next line (docs/roster.md, Bad input) — in a whole read and in a streamed one.
/// </summary>
public sealed class UnclosedQuoteTests : IDisposable
{
    private const string Reason = "此列的英文双引号（\"）没有配对";

    private readonly RosterFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_stray_quote_in_row_21_of_the_demo_employees_costs_that_employee_only()
    {
        CopyDemo();
        BreakRow("employees.csv", 21, field: 1);
        var clean = RosterReader.ReadFolder(Demo);

        var read = _folder.Read();

        var added = read.Rejects.Except(clean.Rejects).ToList();
        var reject = Assert.Single(added, r => r.File == "employees.csv");
        Assert.Equal((21, "name", "王\"涛"), (reject.Row, reject.Column, reject.Value));
        Assert.StartsWith(Reason, reject.Reason, StringComparison.Ordinal);
        Assert.Empty(clean.Rejects.Except(read.Rejects));

        // Every other employee is read as in the clean demo; the rows of HM0020 in other files go with its own row.
        Assert.Equal(clean.EmployeeRowsRead, read.EmployeeRowsRead);
        Assert.Equal(clean.Records.Count - 1, read.Records.Count);
        Assert.Equal(RosterProjection.Of(clean.Records.Where(r => r.Employee.EmployeeId != "HM0020")), RosterProjection.Of(read.Records));
        Assert.All(added.Where(r => r != reject), r => Assert.Equal(("HM0020", "该员工的 employees.csv 记录已被拒收（第 21 行），此行不予读取"), (r.Value, r.Reason)));

        // Streamed, as a whole read (the demo is grouped by case: it streams as one chunk).
        using var stream = RosterReader.OpenStream(_folder.Path)!;
        Assert.Equal(RosterProjection.Of(read.Records), RosterProjection.Of(Drain(stream, 1_000)));
        Assert.Equal(read.Rejects, stream.Rejects());
    }

    [Theory]
    [InlineData("skill_certificates.csv", 28)]
    [InlineData("skill_certificates.csv", 2)]
    [InlineData("assessments.csv", 212)] // the last row of the file
    [InlineData("employees.csv", 76)] // the last row of the file
    public void A_stray_quote_in_a_row_of_the_demo_costs_that_row_only(string file, int row)
    {
        CopyDemo();
        var (owner, header) = BreakRow(file, row, field: 1);
        var clean = RosterReader.ReadFolder(Demo);

        var read = _folder.Read();

        var added = read.Rejects.Except(clean.Rejects).ToList();
        var reject = Assert.Single(added, r => r.File == file);
        Assert.Equal((row, header), (reject.Row, reject.Column));
        Assert.Contains("\"", reject.Value, StringComparison.Ordinal);
        Assert.StartsWith(Reason, reject.Reason, StringComparison.Ordinal);
        Assert.All(clean.Rejects.Except(read.Rejects), r => Assert.Equal((file, row), (r.File, r.Row)));
        Assert.All(added.Where(r => r != reject), r => Assert.Equal(owner, r.Value));
        Assert.Equal(
            RosterProjection.Of(clean.Records.Where(r => r.Employee.EmployeeId != owner)),
            RosterProjection.Of(read.Records.Where(r => r.Employee.EmployeeId != owner)));

        using var stream = RosterReader.OpenStream(_folder.Path)!;
        Assert.Equal(RosterProjection.Of(read.Records), RosterProjection.Of(Drain(stream, 1_000)));
        Assert.Equal(read.Rejects, stream.Rejects());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    public void Stray_quotes_in_a_generated_roster_cost_one_row_each_also_when_streamed_in_chunks(int chunkSize)
    {
        RosterGenerator.Generate(new GenerationRequest(600, 5, _folder.Path));
        var clean = _folder.Read();
        var (employee, _) = BreakRow("employees.csv", 101, field: 1);
        var (certificateOwner, _) = BreakRow("skill_certificates.csv", 151, field: 1);
        var (lastOwner, _) = BreakRow("skill_certificates.csv", File.ReadAllLines(Path.Combine(_folder.Path, "skill_certificates.csv")).Length, field: 2);

        var whole = _folder.Read();
        using var stream = RosterReader.OpenStream(_folder.Path)!;
        var streamed = Drain(stream, chunkSize);

        var added = whole.Rejects.Except(clean.Rejects).ToList();
        (string, int)[] broken =
            [("employees.csv", 101), ("skill_certificates.csv", 151), ("skill_certificates.csv", File.ReadAllLines(Path.Combine(_folder.Path, "skill_certificates.csv")).Length)];
        Assert.Equal(broken, added.Where(r => r.Reason.StartsWith(Reason, StringComparison.Ordinal)).Select(r => (r.File, r.Row)));
        Assert.All(added.Where(r => !r.Reason.StartsWith(Reason, StringComparison.Ordinal)), r => Assert.Equal(employee, r.Value));
        Assert.All(clean.Rejects.Except(whole.Rejects), r => Assert.Contains((r.File, r.Row), broken));
        string[] touched = [employee, certificateOwner, lastOwner];
        Assert.Equal(
            RosterProjection.Of(clean.Records.Where(r => !touched.Contains(r.Employee.EmployeeId))),
            RosterProjection.Of(whole.Records.Where(r => !touched.Contains(r.Employee.EmployeeId))));
        Assert.Equal(RosterProjection.Of(whole.Records), RosterProjection.Of(streamed));
        Assert.Equal(whole.Rejects, stream.Rejects());
    }

    [Fact]
    public void Row_numbers_after_a_cut_off_quote_stay_those_of_the_spreadsheet_also_with_CRLF_and_quoted_commas()
    {
        _folder.WriteText(
            "employees.csv",
            RosterFolder.EmployeesHeader + "\r\n" +
            "E1,\"甲, 乙\",2015-03-01,skill,yes\r\n" +
            "E2,丙\"丁,2015-03-01,skill,yes\r\n" +
            "E3,\"戊\"\"己\",2015-03-01,skill,yes\r\n" +
            "E4,庚,2015-03-01,skill,yes\r\n",
            bom: true);

        var read = _folder.Read();

        var reject = Assert.Single(read.Rejects);
        Assert.Equal((3, "name", "丙\"丁"), (reject.Row, reject.Column, reject.Value));
        Assert.Equal(["E1:甲, 乙", "E3:戊\"己", "E4:庚"], read.Records.Select(r => r.Employee.EmployeeId + ":" + r.Employee.Name));
    }

    [Fact]
    public void A_value_across_lines_whose_row_then_has_too_few_fields_is_cut_off_at_its_first_line()
    {
        // docs/roster.md, Quotes and line breaks: the quote closes on the next line, but the row it would make has 2 of
        // the header's 7 fields; the closing quote, read on its own line, is a second stray quote.
        _folder.WithEmployees("E1", "E2").Write(
            "skill_certificates.csv",
            "employee_id,occupation,level,certificate_no,issued_on,kind,status",
            "E1,\"车工",
            "E2,铣工,senior_worker,N-2,2012-01-01,qualification,valid\"");

        var read = _folder.Read();

        Assert.Equal(
            [("skill_certificates.csv", 2, "occupation"), ("skill_certificates.csv", 3, "status")],
            read.Rejects.Select(r => (r.File, r.Row, r.Column)));
        Assert.All(read.Rejects, r => Assert.StartsWith(Reason, r.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_department_written_on_two_lines_in_employees_is_still_one_value()
    {
        _folder.Write(
            "employees.csv",
            RosterFolder.EmployeesHeader + ",department",
            "E1,甲,2015-03-01,skill,yes,\"一车间",
            "二工段\"",
            "E2,乙,2015-03-01,skill,yes,三车间");

        var read = _folder.Read();

        Assert.Empty(read.Rejects);
        Assert.Equal(["一车间\n二工段", "三车间"], read.Records.Select(r => r.Employee.Department));
    }

    [Fact]
    public void A_note_written_across_lines_in_a_file_for_plugins_is_read_whole()
    {
        _folder.WithEmployees("E1", "E2").Write(
            "notes.csv",
            "employee_id,note,source",
            "E1,\"第一行",
            "第二行，含逗号, 也可以",
            "第三行\",HR",
            "E2,短,HR");

        var read = _folder.Read();

        Assert.Empty(read.Rejects);
        Assert.Equal("第一行\n第二行，含逗号, 也可以\n第三行", read.Records[0].ExtraFiles["notes"][0]["note"]);
        Assert.Equal("短", read.Records[1].ExtraFiles["notes"][0]["note"]);
    }

    [Theory]
    [InlineData(4, "E2,乙,HR", "E3,丙,HR", "E1,\"甲", "乙")] // the file ends inside the quotes
    [InlineData(2, "E1,\"甲,HR", "E2,乙,HR", "E3,\"丙\",HR")] // a line inside the quotes reads as a whole row
    [InlineData(2, "E1,\"甲", "乙\"", "E3,丙,HR")] // the row, once the quote closes, has too few fields
    public void A_runaway_quote_in_a_file_for_plugins_costs_its_first_row(int row, params string[] lines)
    {
        _folder.WithEmployees("E1", "E2", "E3").Write("notes.csv", ["employee_id,note,source", .. lines]);

        var read = _folder.Read();

        // (The quote that closed a runaway is, read line by line, a stray quote too: a second typo, a second row.)
        var reject = read.Rejects.First(r => r.Reason.StartsWith(Reason, StringComparison.Ordinal));
        Assert.Equal(("notes.csv", row, "note"), (reject.File, reject.Row, reject.Column));
        Assert.Equal("丙", read.Records[2].ExtraFiles["notes"][0]["note"]);
    }

    [Fact]
    public void A_header_cell_with_a_quote_not_closed_stops_the_run_naming_the_file_and_column()
    {
        _folder.Write("employees.csv", "employee_id,\"name,hire_date,post_category,frontline", "E1,甲,2015-03-01,skill,yes");

        var e = Assert.Throws<RosterException>(_folder.Read);

        Assert.Equal("employees.csv 表头第 2 列的英文双引号（\"）没有闭合：请删除多余的引号后重试", e.Message);
    }

    private static string Demo => RepoSample("demo");

    private void CopyDemo()
    {
        foreach (var file in Directory.GetFiles(Demo, "*.csv"))
        {
            File.Copy(file, Path.Combine(_folder.Path, Path.GetFileName(file)));
        }
    }

    // Puts a stray quote at the start of a field of a row (the spreadsheet row: the header is row 1); for employees.csv
    // field 1 (姓名), after its first character. Returns the row's 工号 and the field's header.
    private (string Owner, string Header) BreakRow(string file, int row, int field)
    {
        var path = Path.Combine(_folder.Path, file);
        var lines = File.ReadAllLines(path);
        var fields = lines[row - 1].Split(',');
        fields[field] = file == "employees.csv" && field == 1 ? fields[field][..1] + "\"" + fields[field][1..] : "\"" + fields[field];
        lines[row - 1] = string.Join(',', fields);
        File.WriteAllText(path, string.Join('\n', lines) + (row == lines.Length ? "" : "\n"));
        return (fields[0], lines[0].Split(',')[field]);
    }

    private static List<EmployeeRecord> Drain(RosterStream stream, int chunkSize)
    {
        var records = new List<EmployeeRecord>();
        while (stream.Next(chunkSize) is { } chunk)
        {
            records.AddRange(chunk);
        }

        return records;
    }

    private static string RepoSample(string sample)
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "EnterpriseEval.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("repository root not found");
        }

        return Path.Combine(dir, "samples", "rosters", sample);
    }
}
