using MiniExcelLibs;

namespace EnterpriseEval.Workflow.Excel;

/// <summary>Reads a workbook's sheets row by row as text (MiniExcel streams the sheet XML; no sheet sits in memory).</summary>
internal static class XlsxImport
{
    public static IReadOnlyList<string> SheetNames(string path) => MiniExcel.GetSheetNames(path);

    /// <summary>Every row of a sheet from row 1, each as its cells' text (A, B, C … in order).</summary>
    public static IEnumerable<string[]> Rows(string path, string sheetName) => Rows(path, sheetName, "");

    /// <summary>
    /// The rows of a sheet from row 1 up to <paramref name="lastRow"/>, each of <paramref name="columns"/> cells: only
    /// that range is walked, whatever width or length the sheet declares (MiniExcel pads every row to the declared
    /// width and yields every row number up to the last otherwise).
    /// </summary>
    public static IEnumerable<string[]> Rows(string path, string sheetName, int lastRow, int columns) =>
        lastRow < 1 || columns < 1 ? [] : Rows(path, sheetName, XlsxGuard.Cell(lastRow, columns - 1));

    private static IEnumerable<string[]> Rows(string path, string sheetName, string endCell)
    {
        foreach (IDictionary<string, object?> row in MiniExcel.QueryRange(path, useHeaderRow: false, sheetName: sheetName, startCell: "A1", endCell: endCell))
        {
            var cells = new string[row.Count];
            var i = 0;
            foreach (var value in row.Values)
            {
                cells[i++] = XlsxCell.Text(value);
            }

            yield return cells;
        }
    }
}
