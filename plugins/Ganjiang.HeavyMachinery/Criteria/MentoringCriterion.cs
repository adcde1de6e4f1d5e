using System.Text;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Plugins;
using EnterpriseEval.Sdk.Screening;
using Ganjiang.HeavyMachinery.Roster;
using Microsoft.Extensions.Options;

namespace Ganjiang.HeavyMachinery.Criteria;

/// <summary>
/// 传技带徒 (办法第十三条): a 技师 applying for 中级 on the skill-to-title path has taught at least the configured number of
/// apprentices. Data: <c>apprentices.csv</c> (employee_id, apprentice_id, apprentice_name, from, to), declared in
/// <see cref="FirmTables.Apprentices"/>; an apprentice counts once, when the mentoring began by the cut-off.
/// </summary>
internal sealed class MentoringCriterion(IOptions<GanjiangHeavyOptions> options) : ICriterion
{
    private readonly int _minimum = options.Value.Validated().MinimumApprentices;
    private CutOff? _cutOff;

    public string Id => "GJ-MENTOR";

    public string Citation => Regulation.Mentoring;

    public CriterionTopic Topic => CriterionTopic.Other;

    public bool AppliesTo(ScreeningPath path) => path == ScreeningPath.SkillToTitle;

    public Finding? Evaluate(CriterionContext context)
    {
        if (context.TargetTitleLevel != TitleLevel.Intermediate)
        {
            return null;
        }

        // Rows arrive typed (FirmTables.Apprentices): a start date the roster reader could not read is in rejects.csv.
        // The finding depends on the rows and the cut-off only: made once for an employee's decisions, and once for all
        // employees without apprentices (LastFinding).
        var rows = FirmTables.Apprentices.RowsOf(context.Record);
        return LastFinding<MentoringCriterion>.TryGet(this, rows, context.AsOf, out var last)
            ? last
            : LastFinding<MentoringCriterion>.Keep(this, rows, context.AsOf, Judge(context, rows));
    }

    private Finding Judge(CriterionContext context, IReadOnlyList<Apprenticeship> rows)
    {
        // Each apprentice counts once, by id (name when the id is blank), so a renewed agreement does not count twice.
        Span<bool> counted = rows.Count <= 64 ? stackalloc bool[rows.Count] : new bool[rows.Count];
        var count = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].From <= context.AsOf && !SeenBefore(rows, i, context.AsOf))
            {
                counted[i] = true;
                count++;
            }
        }

        // The cut-off's wording is one per run: made once, swapped whole (criteria run in parallel).
        var cutOff = _cutOff is { } cached && cached.AsOf == context.AsOf ? cached : _cutOff = new CutOff(context.AsOf, Wording.Chinese(context.AsOf));

        // 「截至2026年12月31日带徒2名（张三、李四），达到技师申报中级须带徒2名以上的要求」, written into this thread's builder.
        var text = Wording.Sentence("截至").Append(cutOff.Text);
        if (count > 0)
        {
            text.Append("带徒").Append(count).Append("名（");
            var first = true;
            for (var i = 0; i < rows.Count; i++)
            {
                if (counted[i])
                {
                    text.Append(first ? "" : "、").Append(rows[i].Name);
                    first = false;
                }
            }

            text.Append('）');
        }
        else
        {
            text.Append("无带徒记录");
        }

        return count >= _minimum
            ? context.Met(text.Append("，达到技师申报中级须带徒").Append(_minimum).Append("名以上的要求").ToString())
            : context.Fail(text.Append("，技师申报中级须带徒").Append(_minimum).Append("名以上").ToString());
    }

    // Whether an earlier row that counts names the same apprentice (a handful of rows: no dictionary per decision).
    private static bool SeenBefore(IReadOnlyList<Apprenticeship> rows, int index, DateOnly asOf)
    {
        var key = rows[index].Key;
        for (var j = 0; j < index; j++)
        {
            if (rows[j].From <= asOf && string.Equals(rows[j].Key, key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private sealed record CutOff(DateOnly AsOf, string Text);
}
