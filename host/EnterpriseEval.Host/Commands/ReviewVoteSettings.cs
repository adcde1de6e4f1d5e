using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary>Options of <c>eeval review vote</c>.</summary>
internal sealed class ReviewVoteSettings : ReviewBatchSettings
{
    [CommandOption("-f|--file <FILE>")]
    [Description("评委会表决文件（.csv 或 .xlsx）：工号、申报路径（可选）、申报层级、评委总数、出席人数、赞成票、反对票、弃权票。")]
    public string? File { get; init; }

    [CommandOption("--date <DATE>")]
    [Description("表决日期（YYYY-MM-DD，也可写作 2026/12/31 或 2026年12月31日）。默认：今天。公示默认从其后第一个工作日开始。")]
    public string? Date { get; init; }

    [CommandOption("-o|--out <DIR>")]
    [Description("可选：把表决结果导出为该文件夹中的 评委会表决.xlsx。")]
    public string? Out { get; init; }

    public override ValidationResult Validate()
    {
        var batch = base.Validate();
        return !batch.Successful ? batch
            : string.IsNullOrWhiteSpace(File) ? ValidationResult.Error("请用 --file 指定评委会表决文件。")
            : CheckDate("--date", Date);
    }
}
