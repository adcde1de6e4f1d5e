using System.Text;
using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Engine.Roster.Sources;

namespace EnterpriseEval.Engine.Tests.Roster.Sources;

public sealed class CsvTableReaderTests : IDisposable
{
    private readonly RosterFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void BOM_is_not_part_of_the_first_header_cell_and_CRLF_is_not_part_of_the_last()
    {
        _folder.WriteText("t.csv", "工号,姓名\r\nE1,甲\r\n", bom: true);

        using var table = Open("t.csv");

        Assert.Equal(["工号", "姓名"], table.Header);
        Assert.True(table.MoveNext());
        Assert.Equal("甲", table.Field(1).ToString());
    }

    [Fact]
    public void Row_numbers_count_records_as_a_spreadsheet_does_even_across_quoted_line_breaks()
    {
        _folder.Write("t.csv", "a,b", "1,\"x\ny\nz\"", "2,w");

        using var table = Open("t.csv");

        Assert.True(table.MoveNext());
        Assert.Equal((2, "x\ny\nz"), (table.RowNumber, table.Field(1).ToString()));
        Assert.True(table.MoveNext());
        Assert.Equal((3, "2"), (table.RowNumber, table.Field(0).ToString()));
        Assert.False(table.MoveNext());
    }

    [Fact]
    public void Fields_are_trimmed_of_white_space_around_quotes_and_inside()
    {
        _folder.Write("t.csv", "a,b", "  \"q, r\"  ,\t 乙\u3000");

        using var table = Open("t.csv");

        Assert.True(table.MoveNext());
        Assert.Equal(["q, r", "乙"], [table.Field(0).ToString(), table.Field(1).ToString()]);
    }

    [Fact]
    public void Bytes_of_neither_encoding_in_a_later_row_stop_reading_naming_the_file_and_the_line()
    {
        // Far enough in that the bad bytes are decoded while rows are read, not while the header is. (Until issue #19
        // the bytes here were GBK 你 and the file was refused; GBK is now read, so the bad bytes are of neither.)
        var goodRows = string.Concat(Enumerable.Repeat("1,2\n", 100_000));
        _folder.WriteBytes("t.csv", [.. Encoding.UTF8.GetBytes("a,b\n" + goodRows), 0xC4, 0xFF, (byte)'\n']);

        using var table = Open("t.csv");

        var error = Assert.Throws<RosterException>(() =>
        {
            while (table.MoveNext())
            {
            }
        });
        Assert.StartsWith("t.csv 不是 UTF-8 编码，也不是 GB18030（GBK）编码：第 100002 行有无法识别的字节", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GBK_first_met_in_a_later_row_is_read_as_GB18030()
    {
        // A file whose first 100,000 rows are ASCII: the encoding is decided where the first Chinese text is.
        var goodRows = string.Concat(Enumerable.Repeat("1,2\n", 100_000));
        var gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)!;
        _folder.WriteBytes("t.csv", [.. Encoding.ASCII.GetBytes("a,b\n" + goodRows), .. gbk.GetBytes("3,你好\n")]);
        string? decoded = null;

        using var table = new CsvTableReader(Path.Combine(_folder.Path, "t.csv"), name => decoded = name);
        var last = "";
        while (table.MoveNext())
        {
            last = table.Field(1).ToString();
        }

        Assert.Equal(("你好", "t.csv"), (last, decoded));
    }

    [Fact]
    public void UTF8_Chinese_is_never_taken_for_GB18030_even_when_its_first_bytes_could_be()
    {
        // 说 in GBK is CB B5, which is also valid UTF-8; a UTF-8 file of Chinese text is valid UTF-8 throughout.
        var text = "工号,姓名\n" + string.Concat(Enumerable.Range(0, 5_000).Select(i => $"E{i},说明{i}\n"));
        _folder.WriteText("t.csv", text, bom: false);
        string? decoded = null;

        using var table = new CsvTableReader(Path.Combine(_folder.Path, "t.csv"), name => decoded = name);
        var rows = 0;
        while (table.MoveNext())
        {
            Assert.Equal($"说明{rows}", table.Field(1).ToString());
            rows++;
        }

        Assert.Equal((5_000, null), (rows, decoded));
    }

    [Fact]
    public void GBK_whose_first_pair_happens_to_be_valid_UTF8_is_still_read_as_GB18030()
    {
        // 说 is CB B5 in GBK, a valid UTF-8 pair (U+02F5); the rest of the window decides.
        var gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)!;
        _folder.WriteBytes("t.csv", gbk.GetBytes("说明,工号\n甲,E1\n"));

        using var table = Open("t.csv");

        Assert.Equal(["说明", "工号"], table.Header);
        Assert.True(table.MoveNext());
        Assert.Equal("甲", table.Field(0).ToString());
    }

    [Fact]
    public void A_GBK_line_pasted_into_a_UTF8_file_stops_reading_at_that_line()
    {
        // The UTF-8 Chinese of the first lines decides the file; a GBK line further down is then neither.
        var gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)!;
        var utf8 = Encoding.UTF8.GetBytes("工号,姓名\n" + string.Concat(Enumerable.Range(0, 30_000).Select(i => $"E{i},张三\n")));
        _folder.WriteBytes("t.csv", [.. utf8, .. gbk.GetBytes("E9,李四\n")]);

        using var table = Open("t.csv");

        var error = Assert.Throws<RosterException>(() =>
        {
            while (table.MoveNext())
            {
            }
        });
        Assert.StartsWith("t.csv 不是 UTF-8 编码，也不是 GB18030（GBK）编码：第 30002 行有无法识别的字节", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UTF16_is_refused_with_what_to_save_instead()
    {
        _folder.WriteBytes("t.csv", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("工号\nE1\n")]);

        var error = Assert.Throws<RosterException>(() => Open("t.csv"));

        Assert.StartsWith("t.csv 是 UTF-16（Unicode 文本）编码，不能读取", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_UTF8_sequence_split_across_the_read_buffer_is_read_whole()
    {
        // Chinese text across several 64 KiB buffers, with a BOM: every three-byte character must survive the seams.
        var text = "姓名\n" + string.Concat(Enumerable.Range(0, 60_000).Select(_ => "甲乙丙\n"));
        _folder.WriteText("t.csv", text, bom: true);

        using var table = Open("t.csv");
        var rows = 0;
        while (table.MoveNext())
        {
            Assert.Equal("甲乙丙", table.Field(0).ToString());
            rows++;
        }

        Assert.Equal(["姓名"], table.Header);
        Assert.Equal(60_000, rows);
    }

    [Fact]
    public void File_with_only_a_line_break_has_no_header()
    {
        _folder.Write("t.csv", "");

        using var table = Open("t.csv");

        Assert.Empty(table.Header);
    }

    // Issue #18 "one typo costs one row" (docs/roster.md, Quotes and line breaks): the row of a stray quote is told
    // apart, its field reads as written, and the next line is the next row.
    [Fact]
    public void A_stray_quote_marks_its_row_and_field_and_the_next_line_is_the_next_row()
    {
        _folder.Write("t.csv", "a,b,c", "1,王\"涛,x", "2,乙,y", "3,丙,z");

        using var table = Open("t.csv");

        Assert.True(table.MoveNext());
        Assert.Equal((2, 1, "王\"涛", "x"), (table.RowNumber, table.UnclosedQuoteField, table.Field(1).ToString(), table.Field(2).ToString()));
        Assert.True(table.MoveNext());
        Assert.Equal((3, -1, "乙"), (table.RowNumber, table.UnclosedQuoteField, table.Field(1).ToString()));
        Assert.True(table.MoveNext());
        Assert.Equal((4, -1, "丙"), (table.RowNumber, table.UnclosedQuoteField, table.Field(1).ToString()));
        Assert.False(table.MoveNext());
    }

    // Issue #18: "the reader never trims a neutral value into a formula". A tab (or CR) before = + - @ is what keeps a
    // spreadsheet from reading the value as a formula (OWASP CSV injection); trimming it made `\t=1+1` a live `=1+1`.
    // A leading apostrophe is never touched; ordinary spaces are trimmed as before.
    [Fact]
    public void A_tab_before_a_formula_character_and_a_leading_apostrophe_are_kept_other_white_space_is_trimmed()
    {
        _folder.Write("t.csv", "a,b,c,d,e", "\t=1+1,'=1+1,  =SUM(A1)  ,\t 甲\t, \t@x ");

        using var table = Open("t.csv");

        Assert.True(table.MoveNext());
        Assert.Equal(
            ["\t=1+1", "'=1+1", "=SUM(A1)", "甲", "\t@x"],
            [table.Field(0).ToString(), table.Field(1).ToString(), table.Field(2).ToString(), table.Field(3).ToString(), table.Field(4).ToString()]);
    }

    private CsvTableReader Open(string file) => new(Path.Combine(_folder.Path, file));
}
