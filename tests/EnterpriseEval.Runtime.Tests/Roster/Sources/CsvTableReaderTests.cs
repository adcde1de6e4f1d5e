using EnterpriseEval.Runtime.Roster;
using EnterpriseEval.Runtime.Roster.Sources;

namespace EnterpriseEval.Runtime.Tests.Roster.Sources;

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
    public void Invalid_UTF8_in_a_later_row_stops_reading_naming_the_file()
    {
        // Far enough in that the bad bytes are decoded while rows are read, not while the header is.
        var goodRows = string.Concat(Enumerable.Repeat("1,2\n", 100_000));
        _folder.WriteBytes("t.csv", [.. System.Text.Encoding.UTF8.GetBytes("a,b\n" + goodRows), 0xC4, 0xE3, (byte)'\n']);

        using var table = Open("t.csv");

        var error = Assert.Throws<RosterException>(() =>
        {
            while (table.MoveNext())
            {
            }
        });
        Assert.StartsWith("t.csv 不是 UTF-8 编码", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_with_only_a_line_break_has_no_header()
    {
        _folder.Write("t.csv", "");

        using var table = Open("t.csv");

        Assert.Empty(table.Header);
    }

    private CsvTableReader Open(string file) => new(Path.Combine(_folder.Path, file));
}
