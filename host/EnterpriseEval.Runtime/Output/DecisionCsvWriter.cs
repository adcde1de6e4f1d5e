using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Runtime.Output;

/// <summary>Writes <c>decisions.csv</c>: one row per employee and path tried (SPEC §7).</summary>
internal static class DecisionCsvWriter
{
    public static void Write(string path, IEnumerable<Decision> decisions, string pluginProvenance)
    {
        using var writer = CsvOutput.Create(path, DecisionColumns.Header);
        foreach (var d in decisions)
        {
            using var row = writer.NewRow();
            row["employee_id"].Set(d.EmployeeId);
            row["name"].Set(d.Name);
            row["path"].Set(d.Path.ToCode());
            row["target_level"].Set(d.TargetLevelCode);
            row["target_series"].Set(DecisionColumns.Series(d));
            row["target_occupation"].Set(d.TargetOccupation);
            row["outcome"].Set(d.Outcome.ToCode());
            row["earliest_eligible_on"].Set(CsvOutput.Date(d.EarliestEligibleOn));
            row["theory_exam_exempt"].Set(DecisionColumns.YesNo(d.TheoryExamExempt));
            row["rule_ids"].Set(DecisionColumns.RuleIds(d.Findings));
            row["reasons"].Set(DecisionColumns.Reasons(d.Findings));
            row["basis_certificate_no"].Set(d.BasisCertificateNo);
            row["rule_set_version"].Set(StatutoryRuleSet.Version);
            row["plugins"].Set(pluginProvenance);
        }
    }
}
