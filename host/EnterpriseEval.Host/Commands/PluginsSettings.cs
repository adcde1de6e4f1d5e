using System.ComponentModel;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary>Options of <c>eeval plugins list|validate</c>.</summary>
internal sealed class PluginsSettings : CommandSettings
{
    [CommandOption("-p|--plugins <DIR>")]
    [Description("插件文件夹（每个插件一个子文件夹，含 plugin.json）。省略时使用配置项 EnterpriseEval:Plugins:Directory。")]
    public string? Plugins { get; init; }

    [CommandOption("-r|--roster <PATH>")]
    [Description("（仅 validate）样例花名册文件夹或 .xlsx 工作簿：核对插件声明的额外数据表在其中是否缺少工号列或必填列。")]
    public string? Roster { get; init; }

    [CommandOption("-c|--config <FILE>")]
    [Description("附加配置文件（JSON），例如插件选项 Plugins:<插件编号>。")]
    public string? Config { get; init; }
}
