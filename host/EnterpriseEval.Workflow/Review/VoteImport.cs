using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Engine.Roster.Fields;
using EnterpriseEval.Engine.Roster.Sources;
using EnterpriseEval.Engine.Roster.Tables;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Engine;
using EnterpriseEval.Workflow.Excel;

namespace EnterpriseEval.Workflow.Review;

/// <summary>
/// Reads committee votes (CSV, or the first sheet of an <c>.xlsx</c>) through the roster's row parser, so a bad
/// row is rejected the same way a bad roster row is: file, row, column, value, a Chinese reason. Impossible counts
/// (more present than on the committee, votes not adding up to those present) are rejected too.
/// </summary>
internal static class VoteImport
{
    public static VoteImportResult Read(string path, IReadOnlyList<StoredDecision> candidates, VoteRule rule)
    {
        using var table = Open(path);
        if (table.Header.Count == 0)
        {
            throw new UserFacingException($"{table.Name} 是空文件，缺少表头行");
        }

        var rejects = new List<RosterReject>();
        var row = new RowParser(table, VoteColumns.Schema, rejects, new StringPool(), CancellationToken.None);
        var votes = new List<StoredVote>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (row.MoveNext())
        {
            if (!(row.Text(RosterColumn.EmployeeId, out var id)
                && row.Text(VoteColumns.Path, out var pathText)
                && row.Text(VoteColumns.TargetLevel, out var levelText)
                && row.Required(VoteColumns.Committee, default(CountField), out int committee)
                && row.Required(VoteColumns.Present, default(CountField), out int present)
                && row.Required(VoteColumns.For, default(CountField), out int votesFor)
                && row.Required(VoteColumns.Against, default(CountField), out int against)
                && row.Required(VoteColumns.Abstain, default(CountField), out int abstain)))
            {
                continue;
            }

            if (committee == 0)
            {
                row.Reject(VoteColumns.Committee, "评委总数应大于 0");
                continue;
            }

            if (present > committee)
            {
                row.Reject(VoteColumns.Present, $"出席人数（{present}）大于评委总数（{committee}），不可能");
                continue;
            }

            if (votesFor + against + abstain != present)
            {
                row.Reject(VoteColumns.For, $"赞成 {votesFor}、反对 {against}、弃权 {abstain} 之和为 {votesFor + against + abstain}，与出席人数 {present} 不等");
                continue;
            }

            if (Level(levelText) is not { } level)
            {
                row.Reject(VoteColumns.TargetLevel, $"无法识别的申报层级，可填：{Vocabulary.Describe<TitleLevel>()}");
                continue;
            }

            var targetPath = pathText.Length == 0 ? null : Vocabulary.TryParse<ScreeningPath>(pathText, out var p) ? p.ToCode() : "?";
            if (targetPath == "?")
            {
                row.Reject(VoteColumns.Path, $"无法识别的申报路径，可填：{Vocabulary.Describe<ScreeningPath>()}");
                continue;
            }

            var matches = candidates.Where(c => c.EmployeeId == id && c.TargetLevel == level && (targetPath is null || c.Path == targetPath)).ToList();
            if (matches.Count == 0)
            {
                row.Reject(RosterColumn.EmployeeId, $"工号 {id} 在本批次中没有申报{LevelName(level)}的候选人（须资格筛查符合条件且在本批次范围内）");
                continue;
            }

            if (matches.Count > 1)
            {
                row.Reject(VoteColumns.Path, $"工号 {id} 有多条申报{LevelName(level)}的路径，请填写申报路径");
                continue;
            }

            var candidate = matches[0];
            if (!seen.Add(candidate.CandidateKey))
            {
                row.Reject(RosterColumn.EmployeeId, $"工号 {id} 申报{LevelName(level)}的表决重复，以先出现的一行为准");
                continue;
            }

            var (quorumMet, passed, reason) = rule.Judge(committee, present, votesFor);
            votes.Add(new StoredVote(id, candidate.Name, candidate.Path, level, committee, present, votesFor, against, abstain, quorumMet, passed, reason));
        }

        return new VoteImportResult(votes, rejects);
    }

    private static ITableReader Open(string path)
    {
        if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            var workbook = new XlsxWorkbookSource(path);
            var sheet = workbook.Contains("votes") ? "votes" : workbook.Contains("表决") ? "表决" : workbook.TableNames.FirstOrDefault()
                ?? throw new UserFacingException($"表决工作簿中没有工作表：{path}");
            return workbook.Open(sheet);
        }

        if (!File.Exists(path))
        {
            throw new UserFacingException($"找不到表决文件：{Path.GetFullPath(path)}");
        }

        return new CsvTableReader(path);
    }

    private static string? Level(string text) =>
        Vocabulary.TryParse<TitleLevel>(text, out var title) ? title.ToCode()
        : Vocabulary.TryParse<SkillLevel>(text, out var skill) ? skill.ToCode()
        : null;

    private static string LevelName(string code) =>
        Vocabulary.TryParse<TitleLevel>(code, out var title) ? title.ToChinese()
        : Vocabulary.TryParse<SkillLevel>(code, out var skill) ? skill.ToChinese()
        : code;
}
