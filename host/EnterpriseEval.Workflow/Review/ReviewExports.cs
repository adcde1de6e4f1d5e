using System.Text.Json;
using EnterpriseEval.Workflow.Excel;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Engine;

namespace EnterpriseEval.Workflow.Review;

/// <summary>The batch's tables as <c>.xlsx</c> workbooks with Chinese headers: decisions, scores, votes, publicity list.</summary>
internal static class ReviewExports
{
    public const string DecisionsFile = "决策结果.xlsx";
    public const string ScoresFile = "业绩评分.xlsx";
    public const string VotesFile = "评委会表决.xlsx";
    public const string PublicityFile = "公示名单.xlsx";

    public static readonly XlsxColumn[] DecisionColumns =
    [
        new("工号", 12), new("姓名", 10), new("申报路径", 18), new("申报层级", 10), new("申报系列", 10), new("申报职业工种", 16),
        new("判定结果", 14), new("最早符合日期", 14), new("免理论考试", 10), new("涉及规则", 16), new("理由", 90),
    ];

    public static string Decisions(string folder, IEnumerable<StoredDecision> decisions) => Write(folder, DecisionsFile, "决策结果", DecisionColumns,
        decisions.Select(d => (IReadOnlyList<object?>)
        [
            d.EmployeeId, d.Name, PathName(d.Path), LevelName(d.TargetLevel), SeriesName(d.TargetSeries), d.TargetOccupation,
            OutcomeName(d.Outcome), d.EarliestEligibleOn, d.TheoryExamExempt ? "是" : "否", d.RuleIds, d.Reasons,
        ]));

    public static string Scores(string folder, IEnumerable<StoredScore> scores) => Write(folder, ScoresFile, "业绩评分",
        [new("工号", 12), new("姓名", 10), new("评分插件", 18), new("积分", 8), new("合格线", 8), new("是否合格", 10), new("积分明细", 90)],
        scores.Select(s => (IReadOnlyList<object?>)
        [
            s.EmployeeId, s.Name, s.PluginId, s.Total, s.PassMark, s.Passed ? "合格" : "不合格",
            string.Join("；", JsonSerializer.Deserialize<string[]>(s.Lines) ?? []),
        ]));

    public static string Votes(string folder, IEnumerable<StoredVote> votes) => Write(folder, VotesFile, "评委会表决",
        [
            new("工号", 12), new("姓名", 10), new("申报路径", 18), new("申报层级", 10), new("评委总数", 10), new("出席人数", 10),
            new("赞成票", 8), new("反对票", 8), new("弃权票", 8), new("表决结果", 10), new("说明", 60),
        ],
        votes.Select(v => (IReadOnlyList<object?>)
        [
            v.EmployeeId, v.Name, PathName(v.Path), LevelName(v.TargetLevel), v.Committee, v.Present, v.For, v.Against, v.Abstain,
            v.Passed ? "通过" : "未通过", v.Reason,
        ]));

    public static string Publicity(string folder, StoredPublicity publicity, IEnumerable<StoredVote> passed) => Write(folder, PublicityFile, "评审结果公示",
        [new("序号", 6), new("工号", 12), new("姓名", 10), new("申报路径", 18), new("通过层级", 10), new("公示开始", 14), new("公示结束", 14)],
        passed.Select((v, i) => (IReadOnlyList<object?>)
        [
            i + 1, v.EmployeeId, v.Name, PathName(v.Path), LevelName(v.TargetLevel), Dates.Chinese(publicity.Start), Dates.Chinese(publicity.End),
        ]));

    public static string PathName(string code) => Vocabulary.TryParse<ScreeningPath>(code, out var p) ? p.ToChinese() : code;

    public static string LevelName(string code) =>
        Vocabulary.TryParse<TitleLevel>(code, out var t) ? t.ToChinese() : Vocabulary.TryParse<SkillLevel>(code, out var s) ? s.ToChinese() : code;

    public static string SeriesName(string code) => Vocabulary.TryParse<TitleSeries>(code, out var s) ? s.ToChinese() : code;

    private static string OutcomeName(string code) => Vocabulary.TryParse<Outcome>(code, out var o) ? o.ToChinese() : code;

    private static string Write(string folder, string file, string sheet, XlsxColumn[] columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, file);
        XlsxExport.Write(path, sheet, columns, rows);
        return path;
    }
}
