using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary>Options of <c>eeval review ballot open</c>.</summary>
internal sealed class ReviewBallotOpenSettings : ReviewBatchSettings
{
    [CommandOption("--members <USERS>")]
    [Description("评委会成员：角色为“评委”的账户的用户名（eeval serve 的本地账户），以逗号分隔；人数计入到会比例。")]
    public string? Members { get; init; }

    [CommandOption("--date <DATE>")]
    [Description("开启日期（YYYY-MM-DD，也可写作 2026/12/31 或 2026年12月31日）。默认：今天。")]
    public string? Date { get; init; }

    public IReadOnlyList<string> MemberList =>
        (Members ?? "").Split([',', '，', '、', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override ValidationResult Validate()
    {
        var batch = base.Validate();
        return !batch.Successful ? batch
            : MemberList.Count == 0 ? ValidationResult.Error("请用 --members 列出评委会成员（角色为评委的账户的用户名，逗号分隔）。")
            : CheckDate("--date", Date);
    }
}

/// <summary>Options of <c>eeval review ballot close</c>.</summary>
internal sealed class ReviewBallotCloseSettings : ReviewBatchSettings
{
    [CommandOption("--date <DATE>")]
    [Description("表决日期（YYYY-MM-DD，也可写作 2026/12/31 或 2026年12月31日），不早于开启日期。默认：今天。公示默认从其后第一个工作日开始。")]
    public string? Date { get; init; }

    public override ValidationResult Validate()
    {
        var batch = base.Validate();
        return !batch.Successful ? batch : CheckDate("--date", Date);
    }
}
