using System.ComponentModel;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary>Options of <c>eeval review score</c> and <c>eeval review replay</c>.</summary>
internal sealed class ReviewScoreSettings : ReviewBatchSettings
{
    [CommandOption("-p|--plugins <DIR>")]
    [Description("插件文件夹。省略时使用建立批次时记录的文件夹。")]
    public string? Plugins { get; init; }

    [CommandOption("-o|--out <DIR>")]
    [Description("可选：把业绩评分导出为该文件夹中的 业绩评分.xlsx。")]
    public string? Out { get; init; }
}
