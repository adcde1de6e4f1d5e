using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary>Options of <c>eeval review resolve</c>.</summary>
internal sealed class ReviewResolveSettings : ReviewBatchSettings
{
    [CommandOption("--objection <ID>")]
    [Description("异议编号（登记异议时显示，review show 也列出）。")]
    public long? Objection { get; init; }

    [CommandOption("--upheld")]
    [Description("异议成立：该候选人不予发文。")]
    public bool Upheld { get; init; }

    [CommandOption("--dismissed")]
    [Description("异议不成立：该候选人照常发文。")]
    public bool Dismissed { get; init; }

    [CommandOption("--reason <TEXT>")]
    [Description("处理理由（核实情况），记入审计日志。")]
    public string? Reason { get; init; }

    [CommandOption("--date <DATE>")]
    [Description("处理日期（YYYY-MM-DD，也可写作 2026/12/31 或 2026年12月31日）。默认：今天。")]
    public string? Date { get; init; }

    public override ValidationResult Validate()
    {
        var batch = base.Validate();
        return !batch.Successful ? batch
            : Objection is null ? ValidationResult.Error("请用 --objection 指定异议编号。")
            : Upheld == Dismissed ? ValidationResult.Error("请用 --upheld（异议成立）或 --dismissed（异议不成立）二者之一说明处理结论。")
            : string.IsNullOrWhiteSpace(Reason) ? ValidationResult.Error("请用 --reason 写明处理理由。")
            : CheckDate("--date", Date);
    }
}
