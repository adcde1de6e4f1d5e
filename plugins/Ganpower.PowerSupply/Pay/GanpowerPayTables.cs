using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Plugins;
using EnterpriseEval.Sdk.Screening;
using Ganpower.PowerSupply.Documents;
using Ganpower.PowerSupply.Scoring;
using Microsoft.Extensions.Options;

namespace Ganpower.PowerSupply.Pay;

/// <summary>
/// 《赣电供电技能人才薪酬管理细则》 as pay items: 岗位工资档次调整 for an active appointment (第六条), 能级津贴 (第九条) and
/// 业绩积分奖励 (第十一条, scored by the plug-in's own <see cref="AchievementScoring"/>, so the reward and the
/// performance review never disagree). Every item starts on the first day of the month after the cut-off's month.
/// </summary>
internal sealed class GanpowerPayTables(IOptions<GanpowerSupplyOptions> options, AchievementScoring scoring) : IPayTables
{
    private static readonly string Policy = PolicyCitation.Format(Clauses.Equivalence);

    private readonly GanpowerSupplyOptions _options = options.Value.Validated();

    public IReadOnlyList<PayItem> WageItems(EmployeeRecord record, PostEquivalence? equivalence, DateOnly asOf)
    {
        var startsOn = StartsOn(asOf);

        // An appointment that ends before the pay month begins earns nothing from it.
        if (equivalence is null
            || equivalence.AppointedUntil < startsOn
            || !_options.WageGradeRaiseByLevel.TryGetValue(equivalence.AppointedSkillLevel, out var amount)
            || amount == 0)
        {
            return [];
        }

        var name = $"{GanpowerWording.WageGradeRaise}（{GanpowerWording.WageGrade(equivalence.AppointedSkillLevel)}）";
        return [new(name, amount, startsOn, Basis(Regulation.WageGrade))];
    }

    public IReadOnlyList<PayItem> AllowanceItems(EmployeeRecord record, PostEquivalence? equivalence, DateOnly asOf)
    {
        var startsOn = StartsOn(asOf);
        var items = new List<PayItem>();

        var highest = record.Certificates
            .Where(c => c.Status == CertificateStatus.Valid && c.IssuedOn <= asOf)
            .Select(c => (SkillLevel?)c.Level)
            .Max();
        if (highest is { } level && _options.EnergyLevelAllowanceByLevel.TryGetValue(level, out var allowance) && allowance > 0)
        {
            items.Add(new($"{GanpowerWording.EnergyLevelAllowance}（{level.ToChinese()}）", allowance, startsOn, Basis(Regulation.EnergyLevelAllowance)));
        }

        if (_options.PerformanceReward > 0 && scoring.Score(record, asOf) is { Passed: true } score)
        {
            items.Add(new(
                $"{GanpowerWording.PerformanceReward}（积分{AchievementScoring.Chinese(score.Total)}分）",
                _options.PerformanceReward,
                startsOn,
                $"{Regulation.PerformanceReward}；{Regulation.Scoring}；{Policy}"));
        }

        return items;
    }

    /// <summary>The first day of the month after the cut-off's month: cut-off 2026-12-31 → 2027-01-01.</summary>
    private static DateOnly StartsOn(DateOnly asOf) => new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(1);

    private static string Basis(string article) => $"{article}；{Policy}";
}
