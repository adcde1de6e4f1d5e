using EnterpriseEval.Engine.Notices;
using System.ComponentModel;
using EnterpriseEval.Host.Cli;
using EnterpriseEval.Sdk.Documents;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary>Options of <c>eeval notices</c>.</summary>
internal sealed class NoticesSettings : CommandSettings
{
    [CommandOption("-r|--roster <PATH>")]
    [Description("花名册：CSV 文件夹（或其中的一个 CSV 文件，即指该文件夹）或 .xlsx 工作簿（格式见 docs/roster.md）。")]
    public string? Roster { get; init; }

    [CommandOption("-k|--kind <KIND>")]
    [Description("文书种类：post_equivalence_notice 岗位比照通知书、wage_notice 薪酬调整通知书、allowance_notice 津贴发放通知、screening_result_notice 资格审查结果通知、publicity_list 评审结果公示（代码或中文名均可）。")]
    public string? Kind { get; init; }

    [CommandOption("--as-of <DATE>")]
    [Description("截止日期（YYYY-MM-DD，也可写作 2026/12/31 或 2026年12月31日），默认当年12月31日。")]
    public string? AsOf { get; init; }

    [CommandOption("--issued-on <DATE>")]
    [Description("成文日期（YYYY-MM-DD，也可写作 2026/12/31 或 2026年12月31日），默认今天。公示期自此日起算。")]
    public string? IssuedOn { get; init; }

    [CommandOption("-p|--plugins <DIR>")]
    [Description("插件文件夹；插件可提供薪酬津贴标准和带企业抬头的模板。省略时使用配置项 EnterpriseEval:Plugins:Directory。")]
    public string? Plugins { get; init; }

    [CommandOption("--allow-statutory-only")]
    [Description("插件未能加载时仍继续生成：不用被拒绝的插件（无插件加载时只用法定规则和默认模板），汇总中列出原因。默认：有插件未能加载即报错退出（退出码 2）。")]
    public bool AllowStatutoryOnly { get; init; }

    [CommandOption("-f|--format <FORMAT>")]
    [Description("输出格式：html（A4 打印版，另附批量打印文件）或 md（Markdown）。默认 html。")]
    [DefaultValue("html")]
    public string Format { get; init; } = "html";

    [CommandOption("-o|--out <DIR>")]
    [Description("输出文件夹（必需）：每份文书一个文件，另写 index.csv 清单。")]
    public string? Out { get; init; }

    [CommandOption("-w|--watch")]
    [Description("开发用：模板变更时只重新加载模板；插件编译输出或花名册变更时重新加载插件并重新生成。按 Ctrl+C 结束。")]
    public bool Watch { get; init; }

    [CommandOption("-c|--config <FILE>")]
    [Description("附加配置文件（JSON），例如 EnterpriseEval:Documents（发文单位、文号前缀、是否遮蔽身份证号）与插件选项。")]
    public string? Config { get; init; }

    public DocumentKind ParsedKind => DocumentKinds.TryParse(Kind, out var k) ? k : throw new InvalidOperationException("kind not validated");

    public DocumentFormat ParsedFormat => Format.Trim().ToLowerInvariant() is "md" or "markdown" ? DocumentFormat.Markdown : DocumentFormat.Html;

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Roster))
        {
            return ValidationResult.Error("请用 --roster 指定花名册文件夹。");
        }

        var usable = string.Join("、", NoticeModels.RosterKinds.Select(k => $"{k.ToChinese()}({k.ToCode()})"));
        if (string.IsNullOrWhiteSpace(Kind))
        {
            return ValidationResult.Error($"请用 --kind 指定文书种类，可用值：{usable}");
        }

        if (!DocumentKinds.TryParse(Kind, out var kind))
        {
            return ValidationResult.Error($"--kind 的值“{Kind}”不是已知的文书种类，可用值：{usable}");
        }

        if (!NoticeModels.RosterKinds.Contains(kind))
        {
            // A kind issued from a review batch, not from a roster (docs/documents.md, "The kinds").
            return ValidationResult.Error($"{kind.ToChinese()}（{kind.ToCode()}）不由花名册生成，请在评审批次中用 eeval review issue 出具；notices 可用值：{usable}");
        }

        if (Format.Trim().ToLowerInvariant() is not ("html" or "md" or "markdown"))
        {
            return ValidationResult.Error($"--format 只能是 html 或 md，收到：{Format}");
        }

        if (string.IsNullOrWhiteSpace(Out))
        {
            return ValidationResult.Error("请用 --out 指定输出文件夹。");
        }

        foreach (var (name, value) in new[] { ("--as-of", AsOf), ("--issued-on", IssuedOn) })
        {
            if (value is not null && DateArgument.Problem(name, value) is { } problem)
            {
                return ValidationResult.Error(problem);
            }
        }

        return ValidationResult.Success();
    }
}
