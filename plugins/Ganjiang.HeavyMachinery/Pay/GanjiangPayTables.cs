using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Plugins;
using EnterpriseEval.Sdk.Screening;
using Ganjiang.HeavyMachinery.Documents;
using Ganjiang.HeavyMachinery.Roster;
using Microsoft.Extensions.Options;

namespace Ganjiang.HeavyMachinery.Pay;

/// <summary>
/// 《赣江重机技能人才薪酬分配办法》 as pay items: 岗位技能工资 for an active appointment (第八条), and 技能津贴 (第十条),
/// 带徒津贴 (第十一条) and 特聘岗位津贴 (第十二条). Every item starts on the first day of the month after the cut-off's
/// month: the screening decides on the cut-off, payroll changes from the next pay month.
/// </summary>
internal sealed class GanjiangPayTables(IOptions<GanjiangHeavyOptions> options) : IPayTables
{
    private static readonly string Policy = PolicyCitation.Format(Clauses.Equivalence);

    private readonly GanjiangHeavyOptions _options = options.Value.Validated();

    public IReadOnlyList<PayItem> WageItems(EmployeeRecord record, PostEquivalence? equivalence, DateOnly asOf)
    {
        var startsOn = StartsOn(asOf);

        // An appointment that ends before the pay month begins earns nothing from it.
        if (equivalence is null
            || equivalence.AppointedUntil < startsOn
            || !_options.PostWageByLevel.TryGetValue(equivalence.AppointedSkillLevel, out var amount)
            || amount == 0)
        {
            return [];
        }

        var grade = GanjiangPostGrades.Grade(equivalence.AppointedSkillLevel) ?? equivalence.AppointedSkillLevel.ToChinese();
        return [new($"{GanjiangWording.PostWage}（{grade}）", amount, startsOn, Basis(Regulation.PostWage))];
    }

    public IReadOnlyList<PayItem> AllowanceItems(EmployeeRecord record, PostEquivalence? equivalence, DateOnly asOf)
    {
        var startsOn = StartsOn(asOf);
        var items = new List<PayItem>();

        var highest = record.Certificates
            .Where(c => c.Status == CertificateStatus.Valid && c.IssuedOn <= asOf)
            .Select(c => (SkillLevel?)c.Level)
            .Max();
        if (highest is { } level && _options.SkillAllowanceByLevel.TryGetValue(level, out var skill) && skill > 0)
        {
            items.Add(new($"{GanjiangWording.SkillAllowance}（{level.ToChinese()}）", skill, startsOn, Basis(Regulation.SkillAllowance)));
        }

        var apprentices = Math.Min(ApprenticesOn(record, asOf), _options.MentoringAllowanceMaxApprentices);
        if (apprentices > 0 && _options.MentoringAllowancePerApprentice > 0)
        {
            items.Add(new(
                $"{GanjiangWording.MentoringAllowance}（徒弟{apprentices}名）",
                apprentices * _options.MentoringAllowancePerApprentice,
                startsOn,
                Basis(Regulation.MentoringAllowance)));
        }

        // Every green-channel honour (96号 二（二）3) marks a 高技能领军人才; several honours still pay once.
        if (record.Honours.Any(h => h.AwardedOn <= asOf) && _options.SpecialPostAllowance > 0)
        {
            items.Add(new(GanjiangWording.SpecialPostAllowance, _options.SpecialPostAllowance, startsOn, Basis(Regulation.SpecialPostAllowance)));
        }

        return items;
    }

    /// <summary>The first day of the month after the cut-off's month: cut-off 2026-12-31 → 2027-01-01.</summary>
    private static DateOnly StartsOn(DateOnly asOf) => new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(1);

    private static string Basis(string article) => $"{article}；{Policy}";

    // Apprentices under mentoring on the cut-off, each counted once (the rows the mentoring criterion reads; a row whose
    // dates the roster reader could not read is in rejects.csv and pays nothing).
    private static int ApprenticesOn(EmployeeRecord record, DateOnly asOf)
    {
        var active = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in FirmTables.Apprentices.RowsOf(record))
        {
            if (row.From <= asOf && (row.To is not { } until || until >= asOf) && row.Key.Length > 0)
            {
                active.Add(row.Key);
            }
        }

        return active.Count;
    }
}
