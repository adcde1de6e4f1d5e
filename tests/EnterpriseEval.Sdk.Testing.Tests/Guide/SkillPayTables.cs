// The sample of docs/plugin-authoring.md, "Pay tables and the wage and allowance notices", compiled and tested here
// (PayTablesGuideTests) so the guide's code cannot drift from the SDK. Keep the two in step.
using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Plugins;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Testing.Tests.Guide;

/// <summary>《示例机械有限公司技能人才薪酬管理办法》 as pay items: 岗位技能工资 (第八条) and 技能津贴 (第十条).</summary>
internal sealed class SkillPayTables : IPayTables
{
    private const string PostWageArticle = "《示例机械有限公司技能人才薪酬管理办法》第八条";
    private const string SkillAllowanceArticle = "《示例机械有限公司技能人才薪酬管理办法》第十条";

    // 人社部发〔2020〕96号 二（五）: in-post 高级工, 技师 and 高级技师 are treated as the matching professionals.
    private static readonly string Policy = PolicyCitation.Format(Clauses.Equivalence);

    private static readonly Dictionary<SkillLevel, decimal> PostWage = new()
    {
        [SkillLevel.SeniorWorker] = 300m,
        [SkillLevel.Technician] = 800m,
        [SkillLevel.SeniorTechnician] = 1500m,
    };

    private static readonly Dictionary<SkillLevel, decimal> SkillAllowance = new()
    {
        [SkillLevel.SeniorWorker] = 200m,
        [SkillLevel.Technician] = 400m,
        [SkillLevel.SeniorTechnician] = 600m,
    };

    public IReadOnlyList<PayItem> WageItems(EmployeeRecord record, PostEquivalence? equivalence, DateOnly asOf)
    {
        var startsOn = FirstOfNextMonth(asOf);

        // No appointment on the cut-off, or one that ends before the pay month: nothing changes.
        if (equivalence is null
            || equivalence.AppointedUntil < startsOn
            || !PostWage.TryGetValue(equivalence.AppointedSkillLevel, out var amount))
        {
            return [];
        }

        return [new($"岗位技能工资（{equivalence.AppointedSkillLevel.ToChinese()}）", amount, startsOn, $"{PostWageArticle}；{Policy}")];
    }

    public IReadOnlyList<PayItem> AllowanceItems(EmployeeRecord record, PostEquivalence? equivalence, DateOnly asOf)
    {
        // The highest valid certificate held on the cut-off (revoked ones are in the list too: skip them).
        var highest = record.Certificates
            .Where(c => c.Status == CertificateStatus.Valid && c.IssuedOn <= asOf)
            .Select(c => (SkillLevel?)c.Level)
            .Max();
        return highest is { } level && SkillAllowance.TryGetValue(level, out var amount)
            ? [new($"技能津贴（{level.ToChinese()}）", amount, FirstOfNextMonth(asOf), $"{SkillAllowanceArticle}；{Policy}")]
            : [];
    }

    // Screening decides on the cut-off; payroll changes from the next pay month: 2026-12-31 → 2027-01-01.
    private static DateOnly FirstOfNextMonth(DateOnly asOf) => new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(1);
}

/// <summary>The guide's plug-in: the pay tables and nothing else (<c>Plugins/kit-pay/plugin.json</c>).</summary>
public sealed class PayPlugin : IEnterprisePlugin
{
    public void Configure(IPluginBuilder builder) => builder.UsePayTables<SkillPayTables>();
}
