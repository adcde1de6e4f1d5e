using MiniExcelLibs;

namespace EnterpriseEval.Runtime.Excel;

/// <summary>Reads a workbook's sheets row by row as text (MiniExcel streams the sheet XML; no sheet sits in memory).</summary>
internal static class XlsxImport
{
    public static IReadOnlyList<string> SheetNames(string path) => MiniExcel.GetSheetNames(path);

    /// <summary>Every row of a sheet from row 1, each as its cells' text (A, B, C … in order).</summary>
    public static IEnumerable<string[]> Rows(string path, string sheetName)
    {
        foreach (IDictionary<string, object?> row in MiniExcel.Query(path, useHeaderRow: false, sheetName: sheetName))
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
