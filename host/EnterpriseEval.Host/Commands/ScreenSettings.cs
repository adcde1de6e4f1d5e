using System.ComponentModel;
using EnterpriseEval.Host.Cli;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary>Options of <c>eeval screen</c>.</summary>
internal sealed class ScreenSettings : CommandSettings
{
    [CommandOption("-r|--roster <PATH>")]
    [Description("花名册：CSV 文件夹（employees.csv 必需，另有 skill_certificates.csv、titles.csv、assessments.csv 等，文件也可用中文名如 员工.csv；指定其中的一个 CSV 文件即指其所在文件夹），或一个 .xlsx 工作簿（工作表名同文件名或其中文名）。格式见 docs/roster.md。")]
    public string? Roster { get; init; }

    [CommandOption("--as-of <DATE>")]
    [Description("截止日期（YYYY-MM-DD，也可写作 2026/12/31 或 2026年12月31日）。此日之后的证书、职称、荣誉一律不计。默认：当年12月31日。")]
    public string? AsOf { get; init; }

    [CommandOption("-o|--out <DIR>")]
    [Description("输出文件夹，写出 decisions.csv、decisions.json、equivalences.csv、rejects.csv。不存在时自动创建。")]
    [DefaultValue("out")]
    public string Out { get; init; } = "out";

    [CommandOption("-p|--plugins <DIR>")]
    [Description("插件文件夹（每个插件一个子文件夹，含 plugin.json）。省略时使用配置项 EnterpriseEval:Plugins:Directory；均未设置则只执行法定规则。")]
    public string? Plugins { get; init; }

    [CommandOption("--allow-statutory-only")]
    [Description("插件未能加载时仍继续筛查：不用被拒绝的插件（无插件加载时只执行法定规则），汇总中列出原因。默认：有插件未能加载即报错退出（退出码 2），不写结果。")]
    public bool AllowStatutoryOnly { get; init; }

    [CommandOption("-w|--watch")]
    [Description("开发用：插件的编译输出、模板或花名册变更时重新加载插件并重新筛查，显示判定结果的变化。按 Ctrl+C 结束。")]
    public bool Watch { get; init; }

    [CommandOption("-c|--config <FILE>")]
    [Description("附加配置文件（JSON），覆盖 appsettings.json 中的项目默认值，例如相关专业对照表、职业对应职称系列。")]
    public string? Config { get; init; }

    public DateOnly? ParsedAsOf => AsOf is null ? null : DateArgument.Parse(AsOf);

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Roster))
        {
            return ValidationResult.Error("请用 --roster 指定花名册文件夹。");
        }

        if (AsOf is not null && DateArgument.Problem("--as-of", AsOf) is { } problem)
        {
            return ValidationResult.Error(problem);
        }

        return ValidationResult.Success();
    }
}
