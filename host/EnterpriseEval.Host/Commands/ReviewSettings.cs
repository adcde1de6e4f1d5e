using System.ComponentModel;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary>Options every <c>eeval review</c> command shares: the store, who runs it, extra configuration.</summary>
internal class ReviewSettings : CommandSettings
{
    [CommandOption("-s|--store <FILE>")]
    [Description("评审数据库文件（SQLite），首次使用时自动创建。省略时使用配置项 EnterpriseEval:Review:Store（默认 eeval-review.db）。")]
    public string? Store { get; init; }

    [CommandOption("-u|--user <NAME>")]
    [Description("操作人，记入审计日志。省略时取当前系统用户名。")]
    public string? User { get; init; }

    [CommandOption("-c|--config <FILE>")]
    [Description("附加配置文件（JSON），如节假日 EnterpriseEval:Review:Holidays、表决规则、插件选项。")]
    public string? Config { get; init; }

    public string UserName => string.IsNullOrWhiteSpace(User) ? Environment.UserName : User.Trim();
}
