using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary>Options of <c>eeval review issue</c>.</summary>
internal sealed class ReviewIssueSettings : ReviewBatchSettings
{
    [CommandOption("-o|--out <DIR>")]
    [Description("输出文件夹：notices/ 下每人一份通知书，另有决策结果、业绩评分、评委会表决、公示名单四个 .xlsx。")]
    [DefaultValue("out")]
    public string Out { get; init; } = "out";

    [CommandOption("--date <DATE>")]
    [Description("发文日期（YYYY-MM-DD，也可写作 2026/12/31 或 2026年12月31日），须晚于公示期最后一天。默认：今天。")]
    public string? Date { get; init; }

    public override ValidationResult Validate()
    {
        var batch = base.Validate();
        return !batch.Successful ? batch : CheckDate("--date", Date);
    }
}
