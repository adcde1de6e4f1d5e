using EnterpriseEval.Workflow.Excel;
using EnterpriseEval.Workflow.Review;

namespace EnterpriseEval.Engine.Tests.Excel;

public sealed class XlsxExportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("eeval-xlsx-").FullName;

    [Fact]
    public void Exported_votes_open_and_read_back_with_Chinese_headers()
    {
        var votes = new[]
        {
            new StoredVote("GP0002", "刘志军", "skill_to_title", "intermediate", 15, 12, 10, 1, 1, true, true, "通过"),
            new StoredVote("GP0006", "王建平", "skill_to_title", "intermediate", 15, 12, 7, 4, 1, true, false, "未通过"),
        };

        var path = ReviewExports.Votes(_folder, votes);
        var rows = XlsxImport.Rows(path, "评委会表决").ToList();

        Assert.Equal(["工号", "姓名", "申报路径", "申报层级", "评委总数", "出席人数", "赞成票", "反对票", "弃权票", "表决结果", "说明"], rows[0]);
        Assert.Equal(["GP0002", "刘志军", "技能人才评职称", "中级", "15", "12", "10", "1", "1", "通过", "通过"], rows[1]);
        Assert.Equal("未通过", rows[2][9]);
    }

    [Fact]
    public void The_header_row_is_frozen_and_columns_have_widths()
    {
        var path = Path.Combine(_folder, "t.xlsx");
        XlsxExport.Write(path, "表", [new XlsxColumn("工号", 12), new XlsxColumn("理由", 90)], [["E1", "很长的理由"]]);

        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        using var sheet = new StreamReader(zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).Open());
        var xml = sheet.ReadToEnd();

        Assert.Contains("state=\"frozen\"", xml);
        Assert.Contains("ySplit=\"1\"", xml);
        Assert.Contains("customWidth=\"1\"", xml);
    }

    [Fact]
    public void An_empty_export_still_has_its_header_row()
    {
        var path = ReviewExports.Scores(_folder, []);

        Assert.Contains("积分", XlsxImport.Rows(path, "业绩评分").First());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
