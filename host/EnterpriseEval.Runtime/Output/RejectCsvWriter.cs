using EnterpriseEval.Runtime.Roster;

namespace EnterpriseEval.Runtime.Output;

/// <summary>Writes <c>rejects.csv</c>: one line per rejected row or value, with file, row, column and a Chinese reason.</summary>
internal static class RejectCsvWriter
{
    private static readonly string[] Header = ["file", "row", "column", "value", "reason"];

    public static void Write(string path, IEnumerable<RosterReject> rejects)
    {
        using var writer = CsvOutput.Create(path, Header);
        foreach (var r in rejects)
        {
            using var row = writer.NewRow();
            row["file"].Set(r.File);
            row["row"].Format(r.Row);
            row["column"].Set(r.Column);
            row["value"].Set(r.Value);
            row["reason"].Set(r.Reason);
        }
    }
}
