namespace EnterpriseEval.Engine.Roster;

/// <summary>
/// How much of a roster file is read before it is refused as damaged or hostile (configuration section
/// <c>EnterpriseEval:Roster:Limits</c>; docs/security.md, Limits on input). The defaults let a real roster through —
/// a 1,000,000-employee CSV folder, a workbook of Excel's full 1,048,576 rows — and stop a workbook that claims or
/// expands to far more than its size, as Apache POI's zip-bomb guard does.
/// </summary>
internal sealed class RosterLimits
{
    public const string SectionName = "EnterpriseEval:Roster:Limits";

    /// <summary>Parts of a workbook smaller than this when expanded are not held to <see cref="MaxExpansionRatio"/>.</summary>
    public const long ExpansionGraceBytes = 1 << 20;

    /// <summary>The limits with their defaults.</summary>
    public static RosterLimits Default { get; } = new();

    /// <summary>Characters in one cell or CSV field: Excel's own limit, 32,767.</summary>
    public int MaxCellChars { get; set; } = 32_767;

    /// <summary>Characters in one CSV line (a record, with any line breaks inside its quoted fields): 1,048,576.</summary>
    public int MaxLineChars { get; set; } = 1 << 20;

    /// <summary>The last row a worksheet may use: Excel's own limit, 1,048,576.</summary>
    public int MaxSheetRows { get; set; } = 1_048_576;

    /// <summary>The last column a worksheet may use: Excel's own limit, 16,384 (XFD).</summary>
    public int MaxSheetColumns { get; set; } = 16_384;

    /// <summary>
    /// Cells of a worksheet's used range (last used row × last used column), which the reader walks: 50,000,000 —
    /// 1,048,576 rows of 47 columns.
    /// </summary>
    public long MaxSheetCells { get; set; } = 50_000_000;

    /// <summary>Bytes one part of a workbook (a sheet's XML, the shared strings) may expand to: 4 GiB, as in Apache POI.</summary>
    public long MaxPartBytes { get; set; } = 4L << 30;

    /// <summary>
    /// How many times larger than its compressed size a workbook part over 1 MiB may expand: 100, Apache POI's
    /// minimum inflate ratio of 0.01.
    /// </summary>
    public double MaxExpansionRatio { get; set; } = 100;
}
