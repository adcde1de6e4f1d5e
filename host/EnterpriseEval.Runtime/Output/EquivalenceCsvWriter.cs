using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Runtime.Output;

/// <summary>Writes <c>equivalences.csv</c>: appointments active on the cut-off and the title level they are treated as.</summary>
internal static class EquivalenceCsvWriter
{
    private static readonly string[] Header =
    [
        "employee_id", "name", "appointed_skill_level", "equivalent_title_level", "appointed_from", "appointed_until",
        "enterprise_grade", "reason",
    ];

    public static void Write(string path, IEnumerable<PostEquivalence> equivalences)
    {
        using var writer = CsvOutput.Create(path, Header);
        foreach (var e in equivalences)
        {
            using var row = writer.NewRow();
            row["employee_id"].Set(SpreadsheetText.Safe(e.EmployeeId));
            row["name"].Set(SpreadsheetText.Safe(e.Name));
            row["appointed_skill_level"].Set(e.AppointedSkillLevel.ToCode());
            row["equivalent_title_level"].Set(e.EquivalentTitleLevel.ToCode());
            row["appointed_from"].Set(CsvOutput.Date(e.AppointedFrom));
            row["appointed_until"].Set(CsvOutput.Date(e.AppointedUntil));
            row["enterprise_grade"].Set(SpreadsheetText.Safe(e.EnterpriseGrade));
            row["reason"].Set(SpreadsheetText.Safe(e.Finding.Message));
        }
    }
}
