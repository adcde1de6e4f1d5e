using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary>Options of <c>eeval review publicize</c>.</summary>
internal sealed class ReviewPublicizeSettings : ReviewBatchSettings
{
    [CommandOption("--start <DATE>")]
    [Description("公示开始日期（YYYY-MM-DD，也可写作 2026/12/31 或 2026年12月31日）。默认：表决日期后的第一个工作日。")]
    public string? Start { get; init; }

    [CommandOption("--days <N>")]
    [Description("公示工作日数。默认：配置项 EnterpriseEval:Review:PublicityWorkingDays（项目默认 5），不计周末与配置的节假日。")]
    public int? Days { get; init; }

    [CommandOption("-o|--out <DIR>")]
    [Description("可选：把公示名单导出为该文件夹中的 公示名单.xlsx。")]
    public string? Out { get; init; }

    [CommandOption("--objection <EMPLOYEE_ID>")]
    [Description("登记异议：公示期内对该工号候选人的异议（须同时给出 --reason）。")]
    public string? Objection { get; init; }

    [CommandOption("--reason <TEXT>")]
    [Description("异议内容。")]
    public string? Reason { get; init; }

    [CommandOption("--date <DATE>")]
    [Description("异议提出日期（YYYY-MM-DD，也可写作 2026/12/31 或 2026年12月31日），须在公示期内。默认：今天。")]
    public string? Date { get; init; }

    public override ValidationResult Validate()
    {
        var batch = base.Validate();
        return !batch.Successful ? batch
            : CheckDate("--start", Start) is { Successful: false } start ? start
            : CheckDate("--date", Date);
    }
}
