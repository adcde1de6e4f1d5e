using System.IO.Compression;
using System.Text;
using EnterpriseEval.Workflow.Excel;
using MiniExcelLibs;

namespace EnterpriseEval.Engine.Tests.Excel;

/// <summary>
/// Writes a workbook cell by cell, as an HR office saves one: any row may be a title or blank, and ranges may be
/// merged. MiniExcel writes the cells; the merged ranges are added to each sheet's XML afterwards, where Excel puts
/// them (<c>&lt;mergeCells&gt;</c> right after <c>&lt;sheetData&gt;</c>). As in Excel, a merged range keeps its value
/// in its top-left cell only: the test leaves the other cells empty.
/// </summary>
internal sealed class TestWorkbook
{
    private readonly List<(string Name, List<object?[]> Rows, List<string> Merges)> _sheets = [];

    public TestWorkbook Sheet(string name, params object?[][] rows) => MergedSheet(name, rows, []);

    public TestWorkbook MergedSheet(string name, IEnumerable<object?[]> rows, IEnumerable<string> merges)
    {
        _sheets.Add((name, [.. rows], [.. merges]));
        return this;
    }

    public void Save(string path)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var (name, rows, _) in _sheets)
        {
            var width = rows.Count == 0 ? 1 : rows.Max(r => r.Length);
            sheets[name] = rows.Select(row =>
            {
                var cells = new Dictionary<string, object?>(width);
                for (var i = 0; i < width; i++)
                {
                    cells[$"c{i}"] = i < row.Length ? row[i] : null;
                }

                return cells;
            }).ToList();
        }

        MiniExcel.SaveAs(path, sheets, printHeader: false, overwriteFile: true);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        foreach (var (name, _, merges) in _sheets.Where(s => s.Merges.Count > 0))
        {
            var entry = XlsxMergedCells.SheetEntry(zip, name) ?? throw new InvalidOperationException($"No part for sheet {name}.");
            string xml;
            using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
            {
                xml = reader.ReadToEnd();
            }

            var prefix = xml.Contains("</x:sheetData>", StringComparison.Ordinal) ? "x:" : "";
            var end = $"</{prefix}sheetData>";
            var at = xml.IndexOf(end, StringComparison.Ordinal) + end.Length;
            var element = new StringBuilder($"<{prefix}mergeCells count=\"{merges.Count}\">");
            foreach (var range in merges)
            {
                element.Append($"<{prefix}mergeCell ref=\"{range}\"/>");
            }

            element.Append($"</{prefix}mergeCells>");
            xml = xml.Insert(at, element.ToString());
            var part = entry.FullName;
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(part).Open(), new UTF8Encoding(false));
            writer.Write(xml);
        }
    }

    /// <summary>The column letters of a 0-based column index (0 is A, 26 is AA).</summary>
    public static string Column(int index) => index < 26 ? $"{(char)('A' + index)}" : $"{Column((index / 26) - 1)}{(char)('A' + (index % 26))}";
}
