using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Plugins;
using EnterpriseEval.Sdk.Screening;
using Ganjiang.HeavyMachinery.Roster;
using Microsoft.Extensions.Options;

namespace Ganjiang.HeavyMachinery.Criteria;

/// <summary>
/// 传技带徒 (办法第十三条): a 技师 applying for 中级 on the skill-to-title path has taught at least the configured number of
/// apprentices. Data: <c>apprentices.csv</c> (employee_id, apprentice_id, apprentice_name, from, to); an apprentice
/// counts once, when the mentoring began by the cut-off.
/// </summary>
internal sealed class MentoringCriterion(IOptions<GanjiangHeavyOptions> options) : ICriterion
{
    private readonly int _minimum = options.Value.Validated().MinimumApprentices;

    public string Id => "GJ-MENTOR";

    public string Citation => Regulation.Mentoring;

    public CriterionTopic Topic => CriterionTopic.Other;

    public bool AppliesTo(ScreeningPath path) => path == ScreeningPath.SkillToTitle;

    public Finding? Evaluate(CriterionContext context)
    {
        if (context.Decision.TargetTitleLevel != TitleLevel.Intermediate)
        {
            return null;
        }

        // Keyed by apprentice id (name when the id is blank), so a renewed agreement does not count twice.
        var apprentices = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in ExtraRows.Of(context.Record, Apprentices.File))
        {
            if (!ExtraRows.TryDate(Apprentices.From.Read(row), out var from))
            {
                return context.Review($"{Apprentices.File}.csv 中徒弟“{Apprentices.Name.Read(row)}”的带徒开始日期“{Apprentices.From.Read(row)}”无法识别，请核实");
            }

            if (from <= context.AsOf)
            {
                var name = Apprentices.Name.Read(row);
                var key = Apprentices.Key(row);
                apprentices.TryAdd(key, name.Length > 0 ? name : key);
            }
        }

        var taught = apprentices.Count > 0
            ? $"截至{ExtraRows.Chinese(context.AsOf)}带徒{apprentices.Count}名（{string.Join("、", apprentices.Values)}）"
            : $"截至{ExtraRows.Chinese(context.AsOf)}无带徒记录";
        return apprentices.Count >= _minimum
            ? context.Met($"{taught}，达到技师申报中级须带徒{_minimum}名以上的要求")
            : context.Fail($"{taught}，技师申报中级须带徒{_minimum}名以上");
    }
}
