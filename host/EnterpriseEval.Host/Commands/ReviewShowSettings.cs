using System.ComponentModel;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary>Options of <c>eeval review show</c>.</summary>
internal sealed class ReviewShowSettings : ReviewBatchSettings
{
    [CommandOption("-e|--employee <EMPLOYEE_ID>")]
    [Description("只显示该工号在本批次中的全部记录：决策、评分、表决、公示、异议、通知书。")]
    public string? Employee { get; init; }
}
