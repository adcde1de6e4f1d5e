using System.Globalization;

namespace EnterpriseEval.Workflow.Excel;

/// <summary>
/// A workbook cell as the text a CSV export of it would hold: dates as <c>YYYY-MM-DD</c>, whole numbers without a
/// decimal point (工号 10023, 年度 2023), so a roster reads the same from either format.
/// </summary>
internal static class XlsxCell
{
    public static string Text(object? value) => value switch
    {
        null => "",
        string s => s.Trim(),
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double n => n.ToString("R", CultureInfo.InvariantCulture),
        decimal n => n.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        var other => other.ToString()?.Trim() ?? "",
    };
}
