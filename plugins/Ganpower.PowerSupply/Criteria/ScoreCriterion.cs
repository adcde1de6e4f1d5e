using System.Text;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Plugins;
using EnterpriseEval.Sdk.Screening;
using Ganpower.PowerSupply.Scoring;

namespace Ganpower.PowerSupply.Criteria;

/// <summary>
/// 业绩评审 (细则第九条): on the skill-to-title path the achievement score must reach the pass mark. Uses the plug-in's
/// own <see cref="AchievementScoring"/>, so the criterion and the review's scoring step can never disagree.
/// </summary>
internal sealed class ScoreCriterion(AchievementScoring scoring) : ICriterion
{
    /// <summary>
    /// The firm's committee scores only what it may review itself (plugin.json: authorisation.highestLevel =
    /// intermediate). Higher targets go to the provincial committee, which applies its own standard, so the firm's
    /// score must not keep anyone from it. Keep in step with plugin.json.
    /// </summary>
    private const TitleLevel HighestScoredLevel = TitleLevel.Intermediate;

    [ThreadStatic]
    private static Last? t_last;

    // This thread's builders for the scored lines and the sentence, reused: a builder and its buffer for every sentence
    // were a tenth of what the plug-in allocated on a large roster (BENCHMARKS.md). Criteria run on several threads at
    // once. Only ever appended to and emptied: an insertion into a long builder splits it, and emptying a split builder
    // makes a new buffer every time.
    [ThreadStatic]
    private static StringBuilder? t_lines;

    [ThreadStatic]
    private static StringBuilder? t_text;

    public string Id => "GP-SCORE";

    public string Citation => Regulation.Scoring;

    public CriterionTopic Topic => CriterionTopic.Other;

    public bool AppliesTo(ScreeningPath path) => path == ScreeningPath.SkillToTitle;

    public Finding? Evaluate(CriterionContext context)
    {
        if (context.TargetTitleLevel > HighestScoredLevel)
        {
            return null;
        }

        // The score depends on the achievements and the cut-off only, and an employee has several decisions on this
        // path: scored and worded once per employee (and once for all employees without achievements, who share the
        // empty list). One entry per thread (criteria run on several threads at once), swapped whole.
        var achievements = context.Record.Achievements;
        if (t_last is { } last && ReferenceEquals(last.Achievements, achievements) && last.AsOf == context.AsOf && ReferenceEquals(last.Owner, this))
        {
            return last.Finding;
        }

        var finding = Judge(context);
        t_last = new Last(this, achievements, context.AsOf, finding);
        return finding;
    }

    private Finding Judge(CriterionContext context)
    {
        // 「业绩评审积分55分（2024年竞赛获奖（省级二等奖）30分、…），未达到合格线60分」: the lines written first, and the
        // total, known after them, put in front of them.
        var lines = Emptied(ref t_lines);
        var (total, passMark, passed, anyLine) = scoring.Describe(context.Record, context.AsOf, lines);
        var text = Emptied(ref t_text).Append("业绩评审积分").Append(AchievementScoring.Chinese(total)).Append("分（").Append(lines);
        if (!anyLine)
        {
            text.Append("截止日前无业绩成果记录");
        }

        text.Append(passed ? "），达到合格线" : "），未达到合格线").Append(AchievementScoring.Chinese(passMark)).Append('分');
        return passed ? context.Met(text.ToString()) : context.Fail(text.ToString());
    }

    // A builder that grew past its first buffer (a sentence of more than 1,024 characters) is replaced rather than kept.
    private static StringBuilder Emptied(ref StringBuilder? builder) =>
        builder is { Capacity: <= 1024 } kept ? kept.Clear() : builder = new StringBuilder(1024);

    private sealed record Last(ScoreCriterion Owner, IReadOnlyList<Achievement> Achievements, DateOnly AsOf, Finding Finding);
}
