using System.Text;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Plugins;
using EnterpriseEval.Sdk.Screening;
using Ganjiang.HeavyMachinery.Roster;
using Microsoft.Extensions.Options;

namespace Ganjiang.HeavyMachinery.Criteria;

/// <summary>
/// 继续教育学时 (办法第十二条): in each of the three calendar years before the cut-off's year the employee completed at
/// least the configured hours. Data: <c>continuing_education.csv</c> (employee_id, year, hours), declared in
/// <see cref="FirmTables.ContinuingEducation"/>; several rows of one year add up.
/// </summary>
internal sealed class ContinuingEducationCriterion(IOptions<GanjiangHeavyOptions> options) : ICriterion
{
    private readonly decimal _minimum = options.Value.Validated().ContinuingEducationHoursPerYear;
    private readonly string _minimumText = Wording.Chinese(options.Value.Validated().ContinuingEducationHoursPerYear);

    public string Id => "GJ-CE";

    public string Citation => Regulation.ContinuingEducation;

    // Training hours are not 学历: the topic stays Other, so the rule also holds on the skill-to-title path.
    public CriterionTopic Topic => CriterionTopic.Other;

    public bool AppliesTo(ScreeningPath path) => path is ScreeningPath.SkillToTitle or ScreeningPath.GreenChannel;

    public Finding? Evaluate(CriterionContext context)
    {
        // The finding depends on the rows and the cut-off only: made once for an employee's decisions, and once for all
        // employees without rows (LastFinding).
        var rows = FirmTables.ContinuingEducation.RowsOf(context.Record);
        return LastFinding<ContinuingEducationCriterion>.TryGet(this, rows, context.AsOf, out var last)
            ? last
            : LastFinding<ContinuingEducationCriterion>.Keep(this, rows, context.AsOf, Judge(context, rows));
    }

    private Finding Judge(CriterionContext context, IReadOnlyList<TrainingHours> rows)
    {
        // The same three years as the annual assessment (docs/rules.md, "Dates"): cut-off 2026-12-31 → 2023, 2024, 2025.
        // Rows arrive typed (FirmTables): a year or hours the roster reader could not read is in rejects.csv, and that
        // year then has no record here.
        var first = context.AsOf.Year - 3;
        Span<decimal> totals = stackalloc decimal[3];
        Span<bool> recorded = stackalloc bool[3];
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var i = row.Year - first;
            if ((uint)i < 3u)
            {
                totals[i] += row.Hours;
                recorded[i] = true;
            }
        }

        var shortYears = 0;
        var missing = 0;
        for (var i = 0; i < 3; i++)
        {
            if (!recorded[i])
            {
                missing++;
            }
            else if (totals[i] < _minimum)
            {
                shortYears++;
            }
        }

        if (shortYears > 0)
        {
            return context.Fail(Describe(first, totals, recorded, onlyShort: true).Append("，低于每年").Append(_minimumText).Append("学时的要求").ToString());
        }

        if (missing > 0)
        {
            var years = new StringBuilder();
            for (var i = 0; i < 3; i++)
            {
                if (!recorded[i])
                {
                    years.Append(years.Length > 0 ? "、" : "").Append(first + i).Append("年度");
                }
            }

            return context.Review($"缺少{years}的继续教育学时记录，无法确认每年不少于{_minimumText}学时");
        }

        return context.Met(Describe(first, totals, recorded, onlyShort: false).Append("，均不少于每年").Append(_minimumText).Append("学时").ToString());
    }

    // 「继续教育学时2023年度40学时，2024年度36学时」, to which the caller adds the verdict.
    private StringBuilder Describe(int first, ReadOnlySpan<decimal> totals, ReadOnlySpan<bool> recorded, bool onlyShort)
    {
        var text = Wording.Sentence("继续教育学时");
        var any = false;
        for (var i = 0; i < 3; i++)
        {
            if (recorded[i] && (!onlyShort || totals[i] < _minimum))
            {
                text.Append(any ? "，" : "").Append(first + i).Append("年度").Append(Wording.Chinese(totals[i])).Append("学时");
                any = true;
            }
        }

        return text;
    }
}
