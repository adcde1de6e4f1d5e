using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary>Options of <c>eeval test</c>.</summary>
internal sealed class TestSettings : CommandSettings
{
    [CommandArgument(0, "<CASES>")]
    [Description("用例文件（.yaml/.yml）或文件夹（含其中及子文件夹中的全部用例文件），可写多个。格式见 docs/test-cases.md。")]
    public string[] Cases { get; init; } = [];

    [CommandOption("-p|--plugins <DIR>")]
    [Description("插件文件夹（每个插件一个子文件夹，含 plugin.json）：用例中“插件”一项所列编号在此查找。省略时使用配置项 EnterpriseEval:Plugins:Directory。")]
    public string? Plugins { get; init; }

    [CommandOption("-c|--config <FILE>")]
    [Description("附加配置文件（JSON），覆盖 appsettings.json 中的项目默认值；每个用例的“配置”再覆盖于其上。")]
    public string? Config { get; init; }

    public override ValidationResult Validate() =>
        Cases.Length == 0 ? ValidationResult.Error("请指定用例文件或文件夹，例如 eeval test cases/statutory") : ValidationResult.Success();
}
