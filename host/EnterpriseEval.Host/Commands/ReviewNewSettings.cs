using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary>Options of <c>eeval review new</c>.</summary>
internal sealed class ReviewNewSettings : ReviewBatchSettings
{
    [CommandOption("-y|--year <YEAR>")]
    [Description("评审年度，如 2026。")]
    public int Year { get; init; }

    [CommandOption("--series <LIST>")]
    [Description("本批次评审的职称系列（代码或中文，逗号分隔），如 engineering 或 工程。")]
    public string? Series { get; init; }

    [CommandOption("--levels <LIST>")]
    [Description("本批次评审的层级（职称层级或技能等级，逗号分隔），如 assistant,intermediate 或 助理级,中级。")]
    public string? Levels { get; init; }

    [CommandOption("--as-of <DATE>")]
    [Description("截止日期（YYYY-MM-DD，也可写作 2026/12/31 或 2026年12月31日）。默认：评审年度的12月31日。")]
    public string? AsOf { get; init; }

    [CommandOption("-p|--plugins <DIR>")]
    [Description("本企业插件文件夹；批次记录插件的编号、版本与哈希，以后各步须使用同一版本。")]
    public string? Plugins { get; init; }

    public override ValidationResult Validate()
    {
        var batch = base.Validate();
        if (!batch.Successful)
        {
            return batch;
        }

        if (Year is < 2000 or > 2100)
        {
            return ValidationResult.Error("请用 --year 指定评审年度（如 2026）。");
        }

        if (string.IsNullOrWhiteSpace(Series) || string.IsNullOrWhiteSpace(Levels))
        {
            return ValidationResult.Error("请用 --series 和 --levels 指定本批次的职称系列与层级。");
        }

        return CheckDate("--as-of", AsOf);
    }
}
