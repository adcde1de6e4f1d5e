using System.Data;
using EnterpriseEval.Engine.Output;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using EnterpriseEval.Engine;

namespace EnterpriseEval.Workflow.Excel;

/// <summary>
/// Writes one sheet of an <c>.xlsx</c> workbook the way HR reads it: Chinese headers, the header row frozen, each
/// column as wide as its content usually is. Rows are streamed to the file as they are enumerated.
/// </summary>
internal static class XlsxExport
{
    public static void Write(string path, string sheetName, IReadOnlyList<XlsxColumn> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var configuration = new OpenXmlConfiguration
        {
            FreezeRowCount = 1,
            AutoFilter = true,
            DynamicColumns = [.. columns.Select((c, i) => new DynamicExcelColumn(c.Header) { Width = c.Width, Index = i })],
        };
        try
        {
            using var rowEnumerator = rows.GetEnumerator();
            if (!rowEnumerator.MoveNext())
            {
                // MiniExcel writes no header for an empty sequence; an empty table still shows its columns.
                MiniExcel.SaveAs(path, EmptyTable(columns), overwriteFile: true, sheetName: sheetName, configuration: configuration);
                return;
            }

            MiniExcel.SaveAs(path, AsDictionaries(columns, rowEnumerator), overwriteFile: true, sheetName: sheetName, configuration: configuration);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserFacingException($"无法写入 Excel 文件：{path}（{e.Message}）", e);
        }
    }

    private static IEnumerable<IDictionary<string, object?>> AsDictionaries(
        IReadOnlyList<XlsxColumn> columns, IEnumerator<IReadOnlyList<object?>> rows)
    {
        do
        {
            var row = rows.Current;
            var cells = new Dictionary<string, object?>(columns.Count, StringComparer.Ordinal);
            for (var i = 0; i < columns.Count; i++)
            {
                // A text cell is made spreadsheet-safe like a CSV cell (docs/security.md): HR may save the sheet as CSV.
                var value = i < row.Count ? row[i] : null;
                cells[columns[i].Header] = value is string text ? SpreadsheetText.Safe(text) : value;
            }

            yield return cells;
        }
        while (rows.MoveNext());
    }

    private static DataTable EmptyTable(IReadOnlyList<XlsxColumn> columns)
    {
        var table = new DataTable();
        foreach (var c in columns)
        {
            table.Columns.Add(c.Header, typeof(string));
        }

        return table;
    }
}
