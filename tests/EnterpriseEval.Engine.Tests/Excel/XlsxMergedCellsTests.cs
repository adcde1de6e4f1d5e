using System.Text;
using EnterpriseEval.Workflow.Excel;

namespace EnterpriseEval.Engine.Tests.Excel;

public sealed class XlsxMergedCellsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("eeval-xlsx-merges-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_merged_ranges_of_a_sheet_are_read_in_row_order_whatever_order_the_sheet_lists_them()
    {
        var path = Path.Combine(_folder, "book.xlsx");
        new TestWorkbook()
            .MergedSheet("notes", [["说明"]], [])
            .MergedSheet("员工", [.. Enumerable.Range(0, 8).Select(i => new object?[] { $"r{i}", "x", "y" })], ["B5:B8", "A1:C1", "C2:C3"])
            .Save(path);

        Assert.Equal(
            [new XlsxMergedRange(1, 0, 1, 2), new XlsxMergedRange(2, 2, 3, 2), new XlsxMergedRange(5, 1, 8, 1)],
            XlsxMergedCells.Read(path, "员工"));
        Assert.Empty(XlsxMergedCells.Read(path, "notes"));
        Assert.Empty(XlsxMergedCells.Read(path, "no such sheet"));
    }

    [Theory]
    [InlineData("<worksheet><sheetData/><mergeCells><mergeCell ref=\"A2:A4\"/></mergeCells></worksheet>", 1)]
    [InlineData("<x:worksheet xmlns:x=\"s\"><x:sheetData/><x:mergeCells count=\"2\"><x:mergeCell ref='A2:A4' /><x:mergeCell ref=\"B1:C1\"></x:mergeCell></x:mergeCells></x:worksheet>", 2)]
    [InlineData("<worksheet><sheetData/><mergeCells count=\"0\"/><pageMargins/></worksheet>", 0)]
    [InlineData("<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>mergeCells ref=\"A1:B9\"</t></is></c></row></sheetData></worksheet>", 0)]
    [InlineData("<worksheet><sheetData/><mergeCells count=\"1\"><mergeCell ref=\"A1\"/><mergeCell ref=\"bad\"/></mergeCells></worksheet>", 0)]
    public void The_merge_list_is_found_with_or_without_a_prefix_and_nothing_else_is_taken_for_it(string xml, int expected)
    {
        Assert.Equal(expected, XlsxMergedCells.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml))).Count);
    }

    [Fact]
    public void A_merge_list_that_straddles_a_read_boundary_is_still_found()
    {
        // The sheet is scanned 64 KiB at a time: put the start tag across every position near the boundary.
        for (var pad = (1 << 16) - 20; pad < (1 << 16) + 4; pad++)
        {
            var xml = $"<x:worksheet><x:sheetData>{new string(' ', pad)}</x:sheetData><x:mergeCells count=\"1\"><x:mergeCell ref=\"D7:D9\"/></x:mergeCells></x:worksheet>";
            var ranges = XlsxMergedCells.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)));
            Assert.Equal([new XlsxMergedRange(7, 3, 9, 3)], ranges);
        }
    }

    [Theory]
    [InlineData("A1:C3", 1, 0, 3, 2)]
    [InlineData("AB12:A3", 3, 0, 12, 27)]
    [InlineData("$G$3:$G$9", 3, 6, 9, 6)]
    public void A_range_reference_is_parsed_into_rows_from_1_and_columns_from_0(string reference, int r1, int c1, int r2, int c2)
    {
        Assert.True(XlsxMergedRange.TryParse(reference, out var range));
        Assert.Equal(new XlsxMergedRange(r1, c1, r2, c2), range);
    }

    [Theory]
    [InlineData("A1")]
    [InlineData("A0:B2")]
    [InlineData("1A:B2")]
    [InlineData("ABCD1:B2")]
    public void A_reference_that_is_not_a_range_is_refused(string reference) =>
        Assert.False(XlsxMergedRange.TryParse(reference, out _));
}
