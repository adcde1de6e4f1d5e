using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary>Options of <c>eeval review screen</c>.</summary>
internal sealed class ReviewScreenSettings : ReviewBatchSettings
{
    [CommandOption("-r|--roster <PATH>")]
    [Description("花名册：CSV 文件夹（或其中的一个 CSV 文件，即指该文件夹）或一个 .xlsx 工作簿（工作表名同 CSV 文件名，可用中文名）。首次运行时导入批次；续跑时可省略。")]
    public string? Roster { get; init; }

    [CommandOption("-p|--plugins <DIR>")]
    [Description("插件文件夹。省略时使用建立批次时记录的文件夹。")]
    public string? Plugins { get; init; }

    [CommandOption("-o|--out <DIR>")]
    [Description("可选：筛查完成后把决策结果导出为该文件夹中的 决策结果.xlsx。")]
    public string? Out { get; init; }

    // Test hook: stops after N employees as a crash would, to prove that a batch resumes where it stopped.
    [CommandOption("--stop-after <N>", IsHidden = true)]
    public int? StopAfter { get; init; }
}
