using System.Text;
using EnterpriseEval.Engine;

namespace EnterpriseEval.Workflow.Review;

/// <summary>The default notice: plain Markdown, one file per candidate, until the Scriban engine is plugged in.</summary>
internal sealed class MarkdownNoticeRenderer : IBatchNoticeRenderer
{
    public string Render(BatchDefinition batch, NoticeCandidate candidate, DateOnly issuedOn, string folder)
    {
        var d = candidate.Decision;
        var v = candidate.Vote;
        var text = new StringBuilder()
            .AppendLine($"# 评审结果通知书")
            .AppendLine()
            .AppendLine($"{d.Name}（工号 {d.EmployeeId}）：")
            .AppendLine()
            .AppendLine($"经{batch.Year}年度自主评审（批次“{batch.Name}”），你申报的{ReviewExports.PathName(d.Path)}{ReviewExports.LevelName(d.TargetLevel)}"
                + $"经评委会表决通过（评委 {v.Committee} 人，出席 {v.Present} 人，赞成 {v.For} 票），"
                + $"并于{Dates.Chinese(candidate.Publicity.Start)}至{Dates.Chinese(candidate.Publicity.End)}公示期满无异议。")
            .AppendLine()
            .AppendLine($"- 资格审查依据：{d.Reasons}")
            .AppendLine($"- 自主评审授权：{batch.Authorisation}");
        foreach (var s in candidate.Scores)
        {
            text.AppendLine($"- 业绩积分（{s.PluginId}）：{s.Total} 分（合格线 {s.PassMark} 分）");
        }

        text.AppendLine()
            .AppendLine($"{Dates.Chinese(issuedOn)}")
            .AppendLine()
            .AppendLine($"审计链锚点（发文所依据的评审数据库记录，已签名）：{candidate.Head.Describe()}");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{d.EmployeeId}-{d.Path}-{d.TargetLevel}.md");
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }
}
