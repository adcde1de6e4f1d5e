using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary>Options of the <c>eeval review</c> commands that work on one batch.</summary>
internal class ReviewBatchSettings : ReviewSettings
{
    [CommandOption("-b|--batch <NAME>")]
    [Description("评审批次名称（由 review new 建立）。")]
    public string? Batch { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Batch) ? ValidationResult.Error("请用 --batch 指定评审批次名称。") : ValidationResult.Success();

    /// <summary>Parses an optional date option, or refuses it in Chinese.</summary>
    protected static ValidationResult CheckDate(string option, string? text) =>
        text is null || Cli.DateArgument.Problem(option, text) is not { } problem
            ? ValidationResult.Success()
            : ValidationResult.Error(problem);
}
