using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Engine.Output;

/// <summary>
/// Writes <c>equivalences.csv</c>: appointments active on the cut-off and the title level they are treated as, with
/// the status (<c>confirmed</c>, or <c>needs_review</c> when the certificates held do not back the appointment) and
/// the reason (docs/roster.md "Result files").
/// </summary>
internal static class EquivalenceCsvWriter
{
    private static readonly string[] Header =
    [
        "employee_id", "name", "appointed_skill_level", "equivalent_title_level", "appointed_from", "appointed_until",
        "enterprise_grade", "status", "reason",
    ];

    /// <summary><c>status</c> of an equivalence the certificates held back.</summary>
    public const string Confirmed = "confirmed";

    /// <summary><c>status</c> of an equivalence a person must review (R11, docs/rules.md).</summary>
    public const string NeedsReview = "needs_review";

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
            row["status"].Set(e.Status == EquivalenceStatus.NeedsReview ? NeedsReview : Confirmed);
            row["reason"].Set(SpreadsheetText.Safe(e.Finding.Message));
        }
    }
}
