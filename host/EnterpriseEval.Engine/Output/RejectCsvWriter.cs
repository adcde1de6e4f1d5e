using EnterpriseEval.Engine.Roster;

namespace EnterpriseEval.Engine.Output;

/// <summary>
/// Writes <c>rejects.csv</c>: one line per rejected row or value, with file, row, column and a Chinese reason. Identity
/// numbers in the value or reason are masked (the HR officer finds the row by file and row number); every cell is
/// spreadsheet-safe.
/// </summary>
internal static class RejectCsvWriter
{
    private static readonly string[] Header = ["file", "row", "column", "value", "reason"];

    public static void Write(string path, IEnumerable<RosterReject> rejects)
    {
        using var writer = CsvOutput.Create(path, Header);
        foreach (var r in rejects)
        {
            using var row = writer.NewRow();
            row["file"].Set(SpreadsheetText.Safe(r.File));
            row["row"].Format(r.Row);
            row["column"].Set(SpreadsheetText.Safe(r.Column));
            row["value"].Set(SpreadsheetText.Safe(IdentityScrubber.Scrub(r.Value)));
            row["reason"].Set(SpreadsheetText.Safe(IdentityScrubber.Scrub(r.Reason)));
        }
    }
}
