using EnterpriseEval.Engine.Tests.Support;
using System.Diagnostics;
using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Tests.Support;

namespace EnterpriseEval.Engine.Tests.Roster.Sources;

/// <summary>
/// Bounded reading of every roster input (issue 18; docs/security.md, Limits on input): hostile workbooks, endless CSV
/// records and fields, and files that are not regular files are refused quickly with a Chinese message naming the
/// file, sheet, row and limit. Every hostile file is generated here, never stored.
/// </summary>
[Collection(MeasuredCollection.Name)]
public sealed class BoundedInputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("eeval-bounded-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_sheet_claiming_the_whole_grid_with_one_far_cell_is_refused_within_seconds_naming_the_cell_and_the_limit()
    {
        // Found: an 18 KB workbook declaring A1:XFD1048576 with one far cell ran for more than five minutes.
        var path = Path.Combine(_folder, "花名册.xlsx");
        HostileWorkbooks.DimensionBomb(path);
        Assert.True(new FileInfo(path).Length < 20_000);

        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<RosterException>(() => HostRoster.ReadFolder(path));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Contains("花名册.xlsx/员工：第 1048576 行 XFD 列（XFD1048576）有内容", error.Message);
        Assert.Contains("超过上限 50,000,000（配置项 EnterpriseEval:Roster:Limits:MaxSheetCells）", error.Message);
    }

    [Fact]
    public void A_sheet_whose_declared_dimension_lies_but_whose_cells_are_near_is_read_without_walking_the_declared_grid()
    {
        // Only the range that holds values is walked: a dimension of A1:XFD1048576 alone costs nothing.
        var path = Path.Combine(_folder, "花名册.xlsx");
        HostileWorkbooks.Write(path, "员工", sheet => sheet.Write(HostileWorkbooks.Roster), dimension: "A1:XFD1048576");

        var clock = Stopwatch.StartNew();
        var roster = HostRoster.ReadFolder(path);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal("E1", Assert.Single(roster.Records).Employee.EmployeeId);
    }

    [Fact]
    public void A_sheet_that_expands_a_thousandfold_is_refused_from_the_zip_directory_before_it_is_inflated()
    {
        // Found: a 4.3 MB workbook whose sheet expands to 1.47 GB exhausted the heap.
        var path = Path.Combine(_folder, "花名册.xlsx");
        HostileWorkbooks.ExpansionBomb(path);

        var clock = Stopwatch.StartNew();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var error = Assert.Throws<RosterException>(() => HostRoster.ReadFolder(path));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 100L << 20, "allocated more than 100 MB");
        Assert.Contains("花名册工作簿 花名册.xlsx 的组成部分 xl/worksheets/sheet1.xml 由", error.Message);
        Assert.Contains("超过上限 100 倍（配置项 EnterpriseEval:Roster:Limits:MaxExpansionRatio）", error.Message);
    }

    [Fact]
    public void A_part_that_inflates_to_more_than_its_zip_directory_declares_is_stopped_while_it_is_read()
    {
        // The ratio is checked on the sizes the zip declares: a zip that declares 1 MB for a 200 MB sheet gets past
        // that check. It inflates no further than declared (.NET stops there, and the guard counts the bytes besides),
        // so what is read is a cut-off sheet: damaged, named, and read no further.
        var path = Path.Combine(_folder, "花名册.xlsx");
        HostileWorkbooks.ExpansionBomb(path);
        HostileWorkbooks.DeclareSize(path, "xl/worksheets/sheet1.xml", 1_000_000);

        var clock = Stopwatch.StartNew();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var error = Assert.Throws<RosterException>(() => HostRoster.ReadFolder(path));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 100L << 20, "allocated more than 100 MB");
        Assert.StartsWith("无法读取 花名册.xlsx/员工：工作表的内容在第 ", error.Message);
        Assert.EndsWith("（解压出 1,000,000 字节，压缩包目录声明 1,000,000 字节），文件已损坏或被恶意构造，不予读取", error.Message);
    }

    [Fact]
    public void A_sheet_of_more_rows_than_the_limit_is_refused_while_it_is_read_when_the_ratio_would_let_it_through()
    {
        var path = Path.Combine(_folder, "花名册.xlsx");
        HostileWorkbooks.ExpansionBomb(path, megabytes: 8);
        var limits = new RosterLimits { MaxExpansionRatio = 10_000, MaxSheetRows = 100_000 };

        var error = Assert.Throws<RosterException>(() => HostRoster.ReadFolder(path, limits: limits));

        Assert.Equal("花名册.xlsx/员工：第 100,001 行超出了最多 100,000 行的上限（配置项 EnterpriseEval:Roster:Limits:MaxSheetRows），不予读取", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_cell_longer_than_the_configured_limit_is_refused_naming_sheet_row_and_column(bool shared)
    {
        // Found: one 300 MB cell took 2.1 GB of memory; the same cell, smaller, against a lowered limit.
        var path = Path.Combine(_folder, "花名册.xlsx");
        HostileWorkbooks.LongCell(path, 5_000, shared);

        var error = Assert.Throws<RosterException>(() => HostRoster.ReadFolder(path, limits: new RosterLimits { MaxCellChars = 1_000 }));

        Assert.StartsWith("花名册.xlsx/员工：第 3 行 B 列（B3）的单元格超过 1,000 个字符的上限", error.Message);
        Assert.Contains("配置项 EnterpriseEval:Roster:Limits:MaxCellChars", error.Message);
    }

    [Fact]
    public void A_long_cell_hidden_in_a_CDATA_section_or_a_far_cell_behind_a_quoted_bracket_is_still_found()
    {
        var path = Path.Combine(_folder, "花名册.xlsx");
        var cdata = $"<row r=\"3\"><c r=\"C3\" t=\"inlineStr\"><is><t><![CDATA[{new string('<', 5_000)}]]></t></is></c></row>";
        HostileWorkbooks.Write(path, "员工", sheet => sheet.Write(HostileWorkbooks.Roster + cdata));

        var error = Assert.Throws<RosterException>(() => HostRoster.ReadFolder(path, limits: new RosterLimits { MaxCellChars = 1_000 }));
        Assert.StartsWith("花名册.xlsx/员工：第 3 行 C 列（C3）的单元格超过 1,000 个字符的上限", error.Message);

        // A '>' inside an attribute value does not end the tag: the cell's own reference is still read.
        var far = "<row r=\"1048576\"><c x=\"a>b\" r=\"XFD1048576\" t=\"inlineStr\"><is><t>x</t></is></c></row>";
        HostileWorkbooks.Write(path, "员工", sheet => sheet.Write(HostileWorkbooks.Roster + far));

        error = Assert.Throws<RosterException>(() => HostRoster.ReadFolder(path));
        Assert.Contains("第 1048576 行 XFD 列（XFD1048576）有内容", error.Message);
    }

    [Fact]
    public void A_cell_longer_than_Excel_allows_is_refused_under_the_default_limit()
    {
        var path = Path.Combine(_folder, "花名册.xlsx");
        HostileWorkbooks.LongCell(path, 40_000, shared: true);

        var error = Assert.Throws<RosterException>(() => HostRoster.ReadFolder(path));

        Assert.StartsWith("花名册.xlsx/员工：第 3 行 B 列（B3）的单元格超过 32,767 个字符的上限", error.Message);
    }

    [Fact]
    public void A_csv_field_longer_than_the_limit_is_refused_naming_file_row_and_column()
    {
        File.WriteAllText(Path.Combine(_folder, "employees.csv"), $"employee_id,name,hire_date,post_category,frontline\nE1,{new string('甲', 2_000)},2015-03-01,skill,yes\n");

        var error = Assert.Throws<RosterException>(() => HostRoster.ReadFolder(_folder, limits: new RosterLimits { MaxCellChars = 1_000 }));

        Assert.Equal(
            "employees.csv 第 2 行“name”列有 2,000 个字符，超过 1,000 个字符的上限（配置项 EnterpriseEval:Roster:Limits:MaxCellChars），不予读取；请检查该单元格",
            error.Message);
    }

    [Fact]
    public void A_csv_record_beyond_the_line_limit_is_refused_before_it_is_held_whole()
    {
        // Found: a 2 GB file stopped with 「内部错误」 and NotSupportedException … maximum supported length. A record longer
        // than the limit — one endless line, or the rest of a file behind a quote that never closes — is refused before
        // Sep holds it whole: simulated against a lowered limit.
        var rows = string.Concat(Enumerable.Range(1, 200).Select(i => $"E{i},员工{i},2015-03-01,skill,yes\n"));
        File.WriteAllText(Path.Combine(_folder, "employees.csv"), "employee_id,name,hire_date,post_category,frontline\nE0," + new string('长', 5_000) + ",2015-03-01,skill,yes\n" + rows);

        var error = Assert.Throws<RosterException>(() => HostRoster.ReadFolder(_folder, limits: new RosterLimits { MaxLineChars = 1_000 }));

        Assert.StartsWith("employees.csv 从第 2 行起的一条记录超过 1,000 个字符的上限（配置项 EnterpriseEval:Roster:Limits:MaxLineChars）", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_that_never_closes_costs_its_row_before_the_line_limit_is_reached()
    {
        // The stray quote is found where it starts (the next line reads as a whole row) and costs that row only: the line
        // limit does not see the rest of the file as one record.
        var rows = string.Concat(Enumerable.Range(1, 200).Select(i => $"E{i},员工{i},2015-03-01,skill,yes\n"));
        File.WriteAllText(Path.Combine(_folder, "employees.csv"), "employee_id,name,hire_date,post_category,frontline\nE0,\"未闭合,2015-03-01,skill,yes\n" + rows);

        var result = HostRoster.ReadFolder(_folder, limits: new RosterLimits { MaxLineChars = 1_000 });

        Assert.Equal(200, result.Records.Count);
        Assert.Equal(2, Assert.Single(result.Rejects).Row);
    }

    [Fact]
    public async Task A_fifo_named_like_a_roster_table_is_refused_at_once_instead_of_blocking_the_run()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // FIFOs are a Unix matter.
        }

        File.WriteAllText(Path.Combine(_folder, "employees.csv"), "employee_id,name,hire_date,post_category,frontline\nE1,甲,2015-03-01,skill,yes\n");
        MakeFifo(Path.Combine(_folder, "titles.csv"));

        var read = Task.Run(() => Assert.Throws<RosterException>(() => HostRoster.ReadFolder(_folder)));

        var error = await read.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.StartsWith("titles.csv 不是普通文件而是命名管道（FIFO）", error.Message);
    }

    [Fact]
    public async Task A_fifo_named_like_a_workbook_is_refused_at_once()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // FIFOs are a Unix matter.
        }

        var path = Path.Combine(_folder, "花名册.xlsx");
        MakeFifo(path);

        var read = Task.Run(() => Assert.Throws<RosterException>(() => HostRoster.ReadFolder(path)));

        var error = await read.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.StartsWith("花名册.xlsx 不是普通文件而是命名管道（FIFO）", error.Message);
    }

    [Fact]
    public void A_link_out_of_the_roster_folder_is_refused_and_a_link_inside_it_is_read()
    {
        var roster = Directory.CreateDirectory(Path.Combine(_folder, "roster")).FullName;
        var outside = Path.Combine(_folder, "secret.csv");
        File.WriteAllText(outside, "employee_id,name,hire_date,post_category,frontline\nE9,外,2015-03-01,skill,yes\n");
        File.CreateSymbolicLink(Path.Combine(roster, "employees.csv"), outside);

        var error = Assert.Throws<RosterException>(() => HostRoster.ReadFolder(roster));
        Assert.StartsWith("employees.csv 是指向花名册文件夹之外", error.Message);

        File.Delete(Path.Combine(roster, "employees.csv"));
        File.Move(outside, Path.Combine(roster, "员工原表.txt"));
        File.CreateSymbolicLink(Path.Combine(roster, "employees.csv"), "员工原表.txt");
        Assert.Equal("E9", Assert.Single(HostRoster.ReadFolder(roster).Records).Employee.EmployeeId);
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
