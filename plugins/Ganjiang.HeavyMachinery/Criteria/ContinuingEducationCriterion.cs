using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Plugins;
using EnterpriseEval.Sdk.Screening;
using Ganjiang.HeavyMachinery.Roster;
using Microsoft.Extensions.Options;

namespace Ganjiang.HeavyMachinery.Criteria;

/// <summary>
/// 继续教育学时 (办法第十二条): in each of the three calendar years before the cut-off's year the employee completed at
/// least the configured hours. Data: <c>continuing_education.csv</c> (employee_id, year, hours); several rows of one
/// year add up.
/// </summary>
internal sealed class ContinuingEducationCriterion(IOptions<GanjiangHeavyOptions> options) : ICriterion
{
    private const string File = "continuing_education";
    private static readonly ExtraColumn Year = new("year", "年度");
    private static readonly ExtraColumn Hours = new("hours", "学时");

    private readonly decimal _minimum = options.Value.Validated().ContinuingEducationHoursPerYear;

    public string Id => "GJ-CE";

    public string Citation => Regulation.ContinuingEducation;

    // Training hours are not 学历: the topic stays Other, so the rule also holds on the skill-to-title path.
    public CriterionTopic Topic => CriterionTopic.Other;

    public bool AppliesTo(ScreeningPath path) => path is ScreeningPath.SkillToTitle or ScreeningPath.GreenChannel;

    public Finding? Evaluate(CriterionContext context)
    {
        // The same three years as the annual assessment (docs/rules.md, "Dates"): cut-off 2026-12-31 → 2023, 2024, 2025.
        int[] years = [context.AsOf.Year - 3, context.AsOf.Year - 2, context.AsOf.Year - 1];
        var totals = new Dictionary<int, decimal>();
        foreach (var row in ExtraRows.Of(context.Record, File))
        {
            if (!int.TryParse(Year.Read(row), out var year) || !years.Contains(year))
            {
                continue;
            }

            if (!ExtraRows.TryAmount(Hours.Read(row), out var hours))
            {
                return context.Review($"{File}.csv 中{year}年度的学时“{Hours.Read(row)}”无法识别，请核实");
            }

            totals[year] = totals.GetValueOrDefault(year) + hours;
        }

        var minimum = ExtraRows.Chinese(_minimum);
        var short_ = years.Where(y => totals.TryGetValue(y, out var h) && h < _minimum).ToArray();
        if (short_.Length > 0)
        {
            return context.Fail($"{Describe(short_, totals)}，低于每年{minimum}学时的要求");
        }

        var missing = years.Where(y => !totals.ContainsKey(y)).ToArray();
        if (missing.Length > 0)
        {
            return context.Review($"缺少{string.Join("、", missing.Select(y => $"{y}年度"))}的继续教育学时记录，无法确认每年不少于{minimum}学时");
        }

        return context.Met($"{Describe(years, totals)}，均不少于每年{minimum}学时");
    }

    private static string Describe(int[] years, Dictionary<int, decimal> totals) =>
        "继续教育学时" + string.Join("，", years.Select(y => $"{y}年度{ExtraRows.Chinese(totals[y])}学时"));
}
